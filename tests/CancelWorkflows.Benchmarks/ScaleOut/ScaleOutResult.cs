using System.Text.Json.Nodes;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Benchmarks.Harness;

namespace CancelWorkflows.Benchmarks.ScaleOut;

/// <summary>How many cancellations and late notifications one scale-out run makes, and any extra settings of its workers.</summary>
public sealed record ScaleOutPlan(int Cancellations, int LateNotifications)
{
    public IReadOnlyDictionary<string, string> WorkerSettings { get; init; } = new Dictionary<string, string>();
}

/// <summary>What a scale-out run saw, and the checks over it.</summary>
public sealed class ScaleOutResult
{
    public required ScaleOutPlan Plan { get; init; }

    public required IReadOnlyList<ScaleOutBenchmark.Payment> Payments { get; init; }

    /// <summary>The API's view of each cancellation (<c>GET /v1/cancellations/{id}</c>), by payment request id.</summary>
    public required IReadOnlyDictionary<string, JsonObject> Statuses { get; init; }

    /// <summary>The simulator's view of each payment.</summary>
    public required IReadOnlyDictionary<string, SimPaymentView> Simulator { get; init; }

    public required ScaleOutBenchmark.ApiCalls Calls { get; init; }

    /// <summary>Workflow and activity tasks started, by worker identity (<c>pid@host</c>).</summary>
    public required IReadOnlyDictionary<string, (int WorkflowTasks, int ActivityTasks)> Work { get; init; }

    public required IReadOnlyList<ScaleOutBenchmark.WorkerView> Workers { get; init; }

    /// <summary>WorkflowTaskScheduled → WorkflowTaskStarted, every task of every cancellation (server clock).</summary>
    public required LatencySummary WorkflowTaskScheduleToStart { get; init; }

    /// <summary>ActivityTaskScheduled → ActivityTaskStarted (the last attempt's start), every activity.</summary>
    public required LatencySummary ActivityScheduleToStart { get; init; }

    public double StartsMs { get; init; }

    public double KilledAtMs { get; init; }

    public double ThirdReadyMs { get; init; }

    public double DecidedMs { get; init; }

    public double NotifiedMs { get; init; }

    /// <summary>Cancellations whose outcome is not the one their Antom answers call for (or none).</summary>
    public IReadOnlyList<string> WrongOutcomes =>
    [
        .. Payments
            .Where(p => Outcome(p.Id) != Expected(p.Answer))
            .Select(p => $"{p.Id} ({p.Answer}): {Outcome(p.Id) ?? "none"}"),
    ];

    /// <summary>Payments whose effective cancels at the simulator are not exactly what the outcome means (1 or 0).</summary>
    public IReadOnlyList<string> WrongEffectiveCancels =>
    [
        .. Payments
            .Where(p => EffectiveCancels(p.Id) != (Expected(p.Answer) == "Cancelled" ? 1 : 0))
            .Select(p => $"{p.Id} ({p.Answer}): {EffectiveCancels(p.Id)}"),
    ];

    public int MaxEffectiveCancels => Payments.Max(p => EffectiveCancels(p.Id));

    /// <summary>Late successes not recorded exactly once as a notification with <c>lateSuccess</c>.</summary>
    public IReadOnlyList<string> WrongNotifications =>
    [
        .. Payments
            .Where(p => p.Late)
            .Where(p => Statuses.GetValueOrDefault(p.Id) is not { } s || s["notifications"] is not JsonArray { Count: 1 } || (bool?)s["lateSuccess"] != true)
            .Select(p => $"{p.Id}: {Statuses.GetValueOrDefault(p.Id)?["notifications"]?.ToJsonString() ?? "no status"}"),
    ];

    public (int WorkflowTasks, int ActivityTasks) WorkOf(ScaleOutBenchmark.WorkerView worker) =>
        Work.Where(w => w.Key.StartsWith($"{worker.Pid}@", StringComparison.Ordinal))
            .Aggregate((0, 0), (sum, w) => (sum.Item1 + w.Value.WorkflowTasks, sum.Item2 + w.Value.ActivityTasks));

    /// <summary>Both workers alive at the end took workflow and activity tasks.</summary>
    public bool SurvivorsShared => Workers.Where(w => !w.Killed).All(w => WorkOf(w) is { WorkflowTasks: > 0, ActivityTasks: > 0 });

    public bool Passed => WrongOutcomes.Count == 0 && WrongEffectiveCancels.Count == 0 && WrongNotifications.Count == 0
        && Calls.Failures == 0 && SurvivorsShared;

    public void Report(Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        section.Setting("processes", "Temporal dev server, Antom simulator, service api, service ingress, service worker ×2 (+1 after the kill): Production environment, Service:Roles");
        section.Setting("cancellations", Plan.Cancellations);
        section.Setting("answers", "by position: 4/10 S, 2/10 U then S, 1/10 U×4 (escalated), 1/10 F ORDER_STATUS_INVALID, 2/10 S after 1.5 s");
        section.Setting("late payment-success notifications", $"{Plan.LateNotifications} (unpaid payments, sent by the simulator to the ingress once cancelled)");
        section.Setting("crash", "worker-1 SIGKILLed once half are started and a quarter decided; worker-3 started then, the second half once it is ready");
        section.Setting("service settings", "Cancel:RetryDelays 1 s ×3, Cancel:WatchWindow 30 min, Temporal:Worker defaults, log level Warning");
        section.Setting("worker settings", Plan.WorkerSettings.Count == 0 ? "none beyond those" : string.Join(", ", Plan.WorkerSettings.Select(s => $"{s.Key}={s.Value}")));

        var timeline = new TextTable("Timeline (from the first start)", "event", "at");
        timeline.Row("half started, a quarter decided: worker-1 SIGKILLed, worker-3 started", $"{KilledAtMs / 1000:0.0} s");
        timeline.Row("worker-3 ready; second half started", $"{ThirdReadyMs / 1000:0.0} s");
        timeline.Row("all starts answered", $"{StartsMs / 1000:0.0} s");
        timeline.Row("every outcome known (API)", $"{DecidedMs / 1000:0.0} s");
        timeline.Row("every late notification recorded", $"{NotifiedMs / 1000:0.0} s");
        section.Tables.Add(timeline);

        var outcomes = new TextTable("Outcomes by Antom answer (API) and effective cancels (simulator)", "answer", "count", "outcomes", "effective cancels");
        foreach (var group in Payments.GroupBy(p => p.Answer))
        {
            outcomes.Row(
                group.Key.ToString(),
                Fmt.Int(group.Count()),
                string.Join(", ", group.GroupBy(p => Outcome(p.Id) ?? "none").Select(g => $"{g.Count()} {g.Key}")),
                string.Join(", ", group.GroupBy(p => EffectiveCancels(p.Id)).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key}")));
        }

        section.Tables.Add(outcomes);

        var work = new TextTable("Work per worker (history events by identity)", "worker", "pid", "WorkflowTaskStarted", "ActivityTaskStarted", "peak RSS");
        foreach (var worker in Workers)
        {
            var (workflowTasks, activityTasks) = WorkOf(worker);
            work.Row(worker.Name + (worker.Killed ? " (SIGKILLed)" : string.Empty), Fmt.Int(worker.Pid), Fmt.Int(workflowTasks), Fmt.Int(activityTasks), worker.PeakRssMiB is { } rss ? $"{rss:0} MiB" : "n/a");
        }

        foreach (var other in Work.Where(w => !Workers.Any(k => w.Key.StartsWith($"{k.Pid}@", StringComparison.Ordinal))))
        {
            work.Row("other: " + other.Key, string.Empty, Fmt.Int(other.Value.WorkflowTasks), Fmt.Int(other.Value.ActivityTasks), string.Empty);
        }

        section.Tables.Add(work);

        // Whether the pollers keep up: a task that waits on the queue while slots are free would mean too few pollers.
        // The tail includes the tasks stuck on the killed worker's sticky queue until Temporal moved them (5 s).
        var waits = new TextTable("Schedule-to-start (server clock, ms): how long tasks waited for a poller", "tasks", "count", "p50", "p95", "p99", "max");
        foreach (var (name, summary) in new[] { ("workflow tasks", WorkflowTaskScheduleToStart), ("activity tasks", ActivityScheduleToStart) })
        {
            waits.Row(name, Fmt.Int(summary.Count), Fmt.Ms(summary.P50), Fmt.Ms(summary.P95), Fmt.Ms(summary.P99), Fmt.Ms(summary.Max));
        }

        section.Tables.Add(waits);

        var api = new TextTable("API answers during the run", "answer", "count");
        foreach (var (answer, count) in Calls.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            api.Row(answer, Fmt.Int(count));
        }

        section.Tables.Add(api);
        section.Goals.Add(new("scale-out", "every cancellation has exactly the outcome its answers call for (API)", $"{Payments.Count}", $"{Payments.Count - WrongOutcomes.Count}", WrongOutcomes.Count == 0));
        section.Goals.Add(new("scale-out", "effective cancels per payment (simulator)", "1 if cancelled, else 0; never > 1", $"max {MaxEffectiveCancels}, {WrongEffectiveCancels.Count} off", WrongEffectiveCancels.Count == 0));
        section.Goals.Add(new("scale-out", "late notifications recorded once (workflow status)", $"{Plan.LateNotifications}", $"{Plan.LateNotifications - WrongNotifications.Count}", WrongNotifications.Count == 0));
        section.Goals.Add(new("scale-out", "API non-2xx or no answer during the run", "0", Fmt.Int(Calls.Failures), Calls.Failures == 0));
        section.Goals.Add(new("scale-out", "both surviving workers took workflow and activity tasks", "yes", SurvivorsShared ? "yes" : "no", SurvivorsShared));
        foreach (var problem in WrongOutcomes.Concat(WrongEffectiveCancels).Concat(WrongNotifications).Take(20))
        {
            section.Notes.Add("UNEXPECTED: " + problem);
        }

        foreach (var failure in Calls.FailureSamples)
        {
            section.Notes.Add("API: " + failure);
        }
    }

    private static string Expected(ScaleOutBenchmark.Answer answer) => answer switch
    {
        ScaleOutBenchmark.Answer.UFourTimes => "Escalated",
        ScaleOutBenchmark.Answer.F => "Rejected",
        _ => "Cancelled",
    };

    private string? Outcome(string id) => (string?)Statuses.GetValueOrDefault(id)?["outcome"];

    private int EffectiveCancels(string id) => Simulator.GetValueOrDefault(id)?.EffectiveCancels ?? -1;
}
