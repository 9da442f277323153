using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Common;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>
/// What one run costs the Temporal server, counted from its real history: events (storage, replay) and Temporal Cloud
/// billable actions, by the rules of https://docs.temporal.io/cloud/actions (the "Temporal Cloud Actions" page):
/// <list type="bullet">
/// <item>WorkflowExecutionStarted: 1 (client start, continue-as-new, child start; search attributes given at start are free).</item>
/// <item>ActivityTaskScheduled: 1, and every retry (ActivityTaskStarted.attempt − 1).</item>
/// <item>MarkerRecorded: all markers recorded by one workflow task count as ONE action (local activities; the page says
/// "all RecordMarkers from each Workflow Task", so patch markers are counted with them); local-activity retries from the
/// workflow task's metering metadata (nonfirst_local_activity_execution_attempts).</item>
/// <item>TimerStarted: 1 (also the implicit timer of a wait condition with a timeout).</item>
/// <item>UpsertWorkflowSearchAttributes: 1 per command, except one that only sets TemporalChangeVersion (exempt).</item>
/// <item>WorkflowExecutionSignaled: 1 (a signal from another workflow is billed here, on the signalled side);
/// StartChildWorkflowExecutionInitiated: 2; WorkflowExecutionUpdateAccepted: 1.</item>
/// </list>
/// Queries are actions too but leave no event: the API's <c>?wait</c> and <c>GET</c> ask the Status query, the ingress
/// asks <c>HasNotification</c>; they are not in these counts.
/// </summary>
public sealed record HistoryCost(
    int Events,
    int Actions,
    int WorkflowTasks,
    int Activities,
    int MarkerEvents,
    int MarkerActions,
    int Timers,
    int BilledUpserts,
    int ChangeVersionUpserts,
    int Signals)
{
    public static HistoryCost Of(WorkflowHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Of(history.Events);
    }

    public static HistoryCost Of(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        int count = 0, actions = 0, tasks = 0, activities = 0, markers = 0, markerActions = 0, timers = 0, upserts = 0, versionUpserts = 0, signals = 0;
        var markerInThisTask = false;
        foreach (var e in events)
        {
            count++;
            switch (e.EventType)
            {
                case EventType.WorkflowExecutionStarted:
                    actions++;
                    break;
                case EventType.WorkflowTaskCompleted:
                    tasks++;
                    markerInThisTask = false;
                    actions += e.WorkflowTaskCompletedEventAttributes.MeteringMetadata?.NonfirstLocalActivityExecutionAttempts is { } laRetries ? (int)laRetries : 0;
                    break;
                case EventType.ActivityTaskScheduled:
                    activities++;
                    actions++;
                    break;
                case EventType.ActivityTaskStarted:
                    actions += Math.Max(0, e.ActivityTaskStartedEventAttributes.Attempt - 1);
                    break;
                case EventType.MarkerRecorded:
                    markers++;
                    if (!markerInThisTask)
                    {
                        markerInThisTask = true;
                        markerActions++;
                        actions++;
                    }

                    break;
                case EventType.TimerStarted:
                    timers++;
                    actions++;
                    break;
                case EventType.UpsertWorkflowSearchAttributes:
                    var fields = e.UpsertWorkflowSearchAttributesEventAttributes.SearchAttributes?.IndexedFields.Keys.ToList() ?? [];
                    if (fields.Count == 1 && fields[0] == "TemporalChangeVersion")
                    {
                        versionUpserts++;
                    }
                    else
                    {
                        upserts++;
                        actions++;
                    }

                    break;
                case EventType.WorkflowExecutionSignaled:
                    signals++;
                    actions++;
                    break;
                case EventType.StartChildWorkflowExecutionInitiated:
                    actions += 2;
                    break;
                case EventType.WorkflowExecutionUpdateAccepted:
                    actions++;
                    break;
                default:
                    break;
            }
        }

        return new(count, actions, tasks, activities, markers, markerActions, timers, upserts, versionUpserts, signals);
    }

    /// <summary>The breakdown in one cell: where the events and actions come from.</summary>
    public string Breakdown =>
        $"{WorkflowTasks} workflow tasks, {Activities} activities, {MarkerEvents} markers ({MarkerActions} billed), {Timers} timers, " +
        $"{BilledUpserts} upserts (+{ChangeVersionUpserts} TemporalChangeVersion, free), {Signals} signals";
}
