using CancelWorkflows.AntomSimulator;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>
/// What hostile input must not change, read before and after: workflows (visibility count, every type), promotion
/// schedules, the simulator's calls (cancel, inquiry, refund), and the signals in the history of each of the owner's
/// running cancellations.
/// </summary>
public sealed record HostileSideEffects(long Workflows, int Schedules, int SimulatorCalls, IReadOnlyDictionary<string, int> VictimSignals)
{
    public static async Task<HostileSideEffects> ReadAsync(ITemporalClient temporal, SimulatorControlClient simulator, IEnumerable<HostileVictim> victims)
    {
        ArgumentNullException.ThrowIfNull(temporal);
        ArgumentNullException.ThrowIfNull(simulator);
        var workflows = (await temporal.CountWorkflowsAsync(string.Empty)).Count;
        var schedules = 0;
        await foreach (var unused in temporal.ListSchedulesAsync())
        {
            schedules++;
        }

        var calls = (await simulator.ListPaymentsAsync()).Sum(p => p.Calls.Count);
        var histories = new Dictionary<string, int>();
        foreach (var victim in victims)
        {
            var history = await temporal.GetWorkflowHandle("cancel-" + victim.PaymentRequestId).FetchHistoryAsync();
            histories[victim.PaymentRequestId] = history.Events.Count(e => e.EventType == EventType.WorkflowExecutionSignaled);
        }

        return new(workflows, schedules, calls, histories);
    }

    /// <summary>The differences from <paramref name="before"/>, empty when none.</summary>
    public IReadOnlyList<string> ChangesSince(HostileSideEffects before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changes = new List<string>();
        if (Workflows != before.Workflows)
        {
            changes.Add($"workflows {before.Workflows} -> {Workflows}");
        }

        if (Schedules != before.Schedules)
        {
            changes.Add($"schedules {before.Schedules} -> {Schedules}");
        }

        if (SimulatorCalls != before.SimulatorCalls)
        {
            changes.Add($"simulator calls {before.SimulatorCalls} -> {SimulatorCalls}");
        }

        foreach (var (id, length) in VictimSignals)
        {
            if (before.VictimSignals.TryGetValue(id, out var earlier) && earlier != length)
            {
                changes.Add($"signals to cancel-{id} {earlier} -> {length}");
            }
        }

        return changes;
    }

    public override string ToString() =>
        $"{Workflows} workflows, {Schedules} schedules, {SimulatorCalls} simulator calls, signals to the victims {string.Join(", ", VictimSignals.Values)}";
}
