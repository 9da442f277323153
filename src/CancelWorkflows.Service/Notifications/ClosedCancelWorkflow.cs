using System.Diagnostics;
using CancelWorkflows.Service.Observability;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Api.History.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Converters;

namespace CancelWorkflows.Service.Notifications;

/// <summary>
/// What a reconciliation needs to know about a closed cancel workflow: its outcome (the <c>CancelOutcome</c> search
/// attribute), the request it was started with (callback URL, both payment ids), and the trace it was started in (its
/// start header), read from its first history event.
/// </summary>
public sealed record ClosedCancelWorkflow(string WorkflowId, string? Outcome, CancelPaymentRequest? Request, ActivityContext? Trace = null)
{
    public static async Task<ClosedCancelWorkflow> ReadAsync(ITemporalClient client, WorkflowExecutionDescription description, RpcOptions rpc)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(description);
        var outcome = description.TypedSearchAttributes.TryGetValue(CancelSearchAttributes.CancelOutcome, out var value) ? value : null;
        var first = await client.WorkflowService.GetWorkflowExecutionHistoryAsync(
            new GetWorkflowExecutionHistoryRequest
            {
                Namespace = client.Options.Namespace,
                Execution = new() { WorkflowId = description.Id, RunId = description.RunId },
                MaximumPageSize = 1,
            },
            rpc);
        var started = first.History?.Events.FirstOrDefault();
        return new(description.Id, outcome, await StartInputAsync(client, started), TraceHeader.Parse(started?.WorkflowExecutionStartedEventAttributes?.Header?.Fields));
    }

    private static async Task<CancelPaymentRequest?> StartInputAsync(ITemporalClient client, HistoryEvent? started)
    {
        if (started?.WorkflowExecutionStartedEventAttributes?.Input?.Payloads_ is not { Count: > 0 } payloads)
        {
            return null;
        }

        try
        {
            return await client.Options.DataConverter.ToSingleValueAsync<CancelPaymentRequest>(payloads);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            // An input this version cannot read: the reconciliation goes on without the callback URL.
            return null;
        }
    }
}
