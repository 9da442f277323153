using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>Server-side timings of one finished run, from its history.</summary>
/// <param name="StartedToOutcomeMs">WorkflowExecutionStarted -> the workflow task completed just before the watch-window
/// timer started (the task that recorded the outcome).</param>
/// <param name="TimerWaitMs">TimerStarted -> TimerFired of the last timer (the watch window).</param>
/// <param name="Cost">Events and Temporal Cloud actions of the run (<see cref="HistoryCost"/>).</param>
public sealed record HistoryTimes(double StartedToOutcomeMs, double TimerWaitMs, HistoryCost Cost)
{
    public static async Task<HistoryTimes> ReadAsync(WorkflowHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var events = (await handle.FetchHistoryAsync()).Events.ToList();
        var cost = HistoryCost.Of(events);
        var started = events[0].EventTime.ToDateTimeOffset();
        var timerStarted = events.FindLastIndex(e => e.EventType == EventType.TimerStarted);
        var timerFired = events.FindLastIndex(e => e.EventType == EventType.TimerFired);
        if (timerStarted < 0 || timerFired < timerStarted)
        {
            // No watch-window timer (a cancel workflow that closes at its outcome): the whole run is the time to the outcome.
            var last = events.FindLastIndex(e => e.EventType == EventType.WorkflowTaskCompleted);
            return new((events[last].EventTime.ToDateTimeOffset() - started).TotalMilliseconds, 0, cost);
        }

        var decided = events.FindLastIndex(timerStarted, e => e.EventType == EventType.WorkflowTaskCompleted);
        return new(
            (events[decided].EventTime.ToDateTimeOffset() - started).TotalMilliseconds,
            (events[timerFired].EventTime.ToDateTimeOffset() - events[timerStarted].EventTime.ToDateTimeOffset()).TotalMilliseconds,
            cost);
    }
}
