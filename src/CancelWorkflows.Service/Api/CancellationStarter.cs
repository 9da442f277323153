using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Observability;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Starts <c>CancelPaymentWorkflow</c> for one payment, or finds the one that exists. The start uses conflict policy
/// Fail (so "this request created it" is known for certain, even between two racing requests) and reuse policy
/// RejectDuplicate (a closed one is never run again for the same payment); a refused start describes the existing
/// workflow, whose memo tells who started it and whether an earlier request with the same Idempotency-Key did. The start
/// names the caller in the search attribute <c>RequestedBy</c> (a plain caller's listing is limited by it).
/// In a process that also runs the worker, the start asks for eager start: the server hands the first workflow task back
/// with the start's answer, to this process's worker (same client), instead of through the task queue, which saves the
/// matching hop before the eligibility inquiry. Without a free workflow-task slot here the SDK does not ask, and the task
/// goes through the queue as before.
/// </summary>
public sealed class CancellationStarter(ITemporalClient client, HostMetrics metrics, ServiceMode mode)
{
    private readonly bool eagerStart = mode.Runs(ServiceRoles.Worker);

    /// <summary>The workflow for this payment, what the start found, and whether the workflow is still running.</summary>
    public sealed record Result(string WorkflowId, string RunId, StartVerdict Verdict, bool Running, bool Completed);

    public Task<Result> StartAsync(CancelPaymentRequest request, CancellationMemo memo, CancellationToken cancellationToken) =>
        StartAsync(request, memo, startDelay: null, cancellationToken);

    /// <summary>As above; with <paramref name="startDelay"/> the workflow exists at once and runs after the delay (notBefore).</summary>
    public async Task<Result> StartAsync(CancelPaymentRequest request, CancellationMemo memo, TimeSpan? startDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(memo);
        var workflowId = CancelWorkflowIds.For(request);
        var rpc = new RpcOptions { CancellationToken = cancellationToken };
        var options = new WorkflowOptions(workflowId, TemporalNames.TaskQueue)
        {
            IdConflictPolicy = WorkflowIdConflictPolicy.Fail,
            IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
            TypedSearchAttributes = SearchAttributesOf(request),
            Memo = memo.ToMemo(),
            StaticSummary = SummaryOf(request),
            StaticDetails = DetailsOf(request, System.Diagnostics.Activity.Current),
            StartDelay = startDelay,
            // A delayed start's first task waits for its time anyway (the server refuses eager start with a delay).
            RequestEagerStart = eagerStart && startDelay is null,
            Rpc = rpc,
        };
        try
        {
            var handle = await client.StartWorkflowAsync((CancelPaymentWorkflow wf) => wf.RunAsync(request), options);
            metrics.CountStarted(memo.RequestedBy);
            TagRequestSpan(request, workflowId, handle.ResultRunId ?? handle.FirstExecutionRunId ?? handle.RunId);
            return new(workflowId, handle.ResultRunId ?? handle.FirstExecutionRunId ?? handle.RunId!, StartVerdict.Created, Running: true, Completed: false);
        }
        catch (WorkflowAlreadyStartedException)
        {
            var existing = await client.GetWorkflowHandle(workflowId).DescribeAsync(new() { Rpc = rpc });
            var found = await CancellationMemo.ReadAsync(existing);
            // A cancellation from before several merchants records none: it is not told apart.
            var verdict = found.AntomMerchant is not null && memo.AntomMerchant is not null && found.AntomMerchant != memo.AntomMerchant ? StartVerdict.AnotherMerchant
                : found.RequestedBy != memo.RequestedBy ? StartVerdict.AnotherCaller
                : memo.IdempotencyKey is null || found.IdempotencyKey != memo.IdempotencyKey ? StartVerdict.Existing
                : StartFingerprint.Same(found.RequestFingerprint, memo.RequestFingerprint) ? StartVerdict.Replayed : StartVerdict.KeyReused;
            TagRequestSpan(request, workflowId, existing.RunId);
            var status = existing.Status;
            return new(workflowId, existing.RunId, verdict, status == WorkflowExecutionStatus.Running, status == WorkflowExecutionStatus.Completed);
        }
    }

    /// <summary>The request's span says which cancellation it is about (ids only; the body is never recorded).</summary>
    private static void TagRequestSpan(CancelPaymentRequest request, string workflowId, string? runId)
    {
        if (System.Diagnostics.Activity.Current is not { } span)
        {
            return;
        }

        span.SetTag("cancelworkflows.payment_request_id", request.PaymentRequestId);
        span.SetTag("cancelworkflows.payment_id", request.PaymentId);
        span.SetTag("temporal.workflow.id", workflowId);
        span.SetTag("temporal.run.id", runId);
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

    /// <summary>Temporal Web's details at start: who asked, for what, and the trace id to look the cancellation up in the
    /// tracing backend (the Aspire dashboard in dev mode).</summary>
    public static string DetailsOf(CancelPaymentRequest request, System.Diagnostics.Activity? span)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = new List<string>
        {
            $"Payment: {Known(request.PaymentRequestId) ?? "-"} (Antom paymentId {Known(request.PaymentId) ?? "-"})",
            $"Requested by: {Known(request.RequestedBy) ?? "-"}; mode {request.Mode}; fallback {request.Fallback ?? CancelFallbacks.None}" +
                (request.FallbackSource is { } source ? $" ({source})" : string.Empty),
        };
        if (Known(request.AntomMerchant) is { } antomMerchant)
        {
            lines.Add($"Antom merchant: {antomMerchant}");
        }

        if (Known(request.BookingRef) is { } booking)
        {
            lines.Add($"Booking: {booking}");
        }

        if (Known(request.Reason) is { } reason)
        {
            lines.Add($"Reason: {reason}");
        }

        if (span is not null)
        {
            lines.Add($"Trace: {span.TraceId.ToHexString()}");
        }

        return string.Join("\n\n", lines);
    }

    private static SearchAttributeCollection SearchAttributesOf(CancelPaymentRequest request)
    {
        var builder = new SearchAttributeCollection.Builder();
        Set(builder, CancelSearchAttributes.PaymentRequestId, request.PaymentRequestId);
        Set(builder, CancelSearchAttributes.PaymentId, request.PaymentId);
        Set(builder, CancelSearchAttributes.BookingRef, request.BookingRef);
        Set(builder, CancelSearchAttributes.Merchant, request.Merchant);
        Set(builder, CancelSearchAttributes.PromoId, request.PromoId);
        Set(builder, CancelSearchAttributes.RequestedBy, request.RequestedBy);
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
