using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Starts <c>CancelPaymentWorkflow</c> for one payment, or finds the one that exists: a running one is returned as it is
/// (conflict policy UseExisting), and a closed one is never run again for the same payment (reuse policy RejectDuplicate).
/// </summary>
public sealed class CancellationStarter(ITemporalClient client)
{
    /// <summary>The workflow for this payment and whether it had already finished.</summary>
    public sealed record Result(string WorkflowId, string RunId, bool AlreadyClosed);

    public async Task<Result> StartAsync(CancelPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workflowId = CancelWorkflowIds.For(request);
        var options = new WorkflowOptions(workflowId, TemporalNames.TaskQueue)
        {
            IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting,
            IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
            TypedSearchAttributes = SearchAttributesOf(request),
            StaticSummary = SummaryOf(request),
            Rpc = new RpcOptions { CancellationToken = cancellationToken },
        };
        try
        {
            var handle = await client.StartWorkflowAsync((CancelPaymentWorkflow wf) => wf.RunAsync(request), options);
            return new(workflowId, handle.ResultRunId ?? handle.FirstExecutionRunId ?? handle.RunId!, AlreadyClosed: false);
        }
        catch (WorkflowAlreadyStartedException e)
        {
            // RejectDuplicate refused: this payment's cancellation already ran to its end. That run is the answer.
            var runId = e.RunId ?? (await client.GetWorkflowHandle(workflowId).DescribeAsync(new() { Rpc = options.Rpc })).RunId;
            return new(workflowId, runId, AlreadyClosed: true);
        }
    }

    /// <summary>One readable line for Temporal Web's list: "Cancel &lt;id&gt; for &lt;booking&gt; (&lt;merchant&gt;)".</summary>
    public static string SummaryOf(CancelPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var summary = $"Cancel {Known(request.PaymentRequestId) ?? Known(request.PaymentId)}";
        if (Known(request.BookingRef) is { } booking)
        {
            summary += $" for {booking}";
        }

        if (Known(request.Merchant) is { } merchant)
        {
            summary += $" ({merchant})";
        }

        return summary;
    }

    private static SearchAttributeCollection SearchAttributesOf(CancelPaymentRequest request)
    {
        var builder = new SearchAttributeCollection.Builder();
        Set(builder, CancelSearchAttributes.PaymentRequestId, request.PaymentRequestId);
        Set(builder, CancelSearchAttributes.PaymentId, request.PaymentId);
        Set(builder, CancelSearchAttributes.BookingRef, request.BookingRef);
        Set(builder, CancelSearchAttributes.Merchant, request.Merchant);
        Set(builder, CancelSearchAttributes.PromoId, request.PromoId);
        return builder.ToSearchAttributeCollection();
    }

    private static void Set(SearchAttributeCollection.Builder builder, SearchAttributeKey<string> key, string? value)
    {
        if (Known(value) is { } known)
        {
            builder.Set(key, known);
        }
    }

    private static string? Known(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
