using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;

namespace CancelWorkflows.Workflows.Tests.Promotions;

/// <summary>The runs of one promotion run (its continue-as-new chain), read from Temporal's histories: what each run
/// really asked Temporal to start, not what the run says about itself.</summary>
public sealed class PromoRunChain
{
    private PromoRunChain(IReadOnlyList<WorkflowHistory> runs) => Runs = runs;

    /// <summary>Each run's history, oldest first.</summary>
    public IReadOnlyList<WorkflowHistory> Runs { get; }

    /// <summary>Per run, the ids of the children it started (StartChildWorkflowExecutionInitiated).</summary>
    public IReadOnlyList<IReadOnlyList<string>> ChildrenStartedPerRun =>
        [.. Runs.Select(run => (IReadOnlyList<string>)[.. run.Events
            .Where(e => e.EventType == EventType.StartChildWorkflowExecutionInitiated)
            .Select(e => e.StartChildWorkflowExecutionInitiatedEventAttributes.WorkflowId)])];

    public static async Task<PromoRunChain> ReadAsync(ITemporalClient client, string workflowId, string firstRunId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var runs = new List<WorkflowHistory>();
        string? runId = firstRunId;
        while (runId is not null)
        {
            var history = await client.GetWorkflowHandle(workflowId, runId).FetchHistoryAsync();
            runs.Add(history);
            runId = history.Events.LastOrDefault(e => e.EventType == EventType.WorkflowExecutionContinuedAsNew)
                ?.WorkflowExecutionContinuedAsNewEventAttributes.NewExecutionRunId;
        }

        return new PromoRunChain(runs);
    }
}
