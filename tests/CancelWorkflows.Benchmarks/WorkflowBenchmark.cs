using CancelWorkflows.Antom.Client;
using CancelWorkflows.Benchmarks.Baseline;
using CancelWorkflows.Benchmarks.Harness;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Testing;
using Temporalio.Worker;

namespace CancelWorkflows.Benchmarks;

/// <summary>
/// The cancel workflow's cost on a real Temporal dev server. The happy-path <see cref="CancelPaymentWorkflow"/> with the real activities
/// against the simulator over HTTP, versus <see cref="BareCancelWorkflow"/> (two no-op activities and the same timer),
/// in the same process, on the same server, in the same run. P1: latency of one cancellation, sequential, variants
/// interleaved so noise hits both alike. P2: sustained cancellations per second with many concurrent starts.
/// A third, diagnostic variant runs the real workflow and activities over an in-memory Antom (no HTTP, no RSA), to
/// split the real workflow's extra time between "talking to Antom" and "the workflow's own bookkeeping".
/// </summary>
public static class WorkflowBenchmark
{
    public static async Task RunAsync(Section section, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var cliPath = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH");
        if (string.IsNullOrWhiteSpace(cliPath))
        {
            Progress.Say("workflow: TEMPORAL_CLI_PATH is unset: the SDK downloads a dev server (internet needed). " +
                "Beside ../shared: eval \"$(../shared/temporal/install.sh)\"");
            cliPath = null;
        }
        else if (!File.Exists(cliPath))
        {
            throw new InvalidOperationException($"TEMPORAL_CLI_PATH is set to '{cliPath}', but no file is there.");
        }

        Progress.Say("workflow: starting the Temporal dev server...");
        var serverStart = Timing.Now();
        await using var env = await WorkflowEnvironment.StartLocalAsync(new()
        {
            SearchAttributes = CancelSearchAttributes.All,
            DevServerOptions = new()
            {
                ExistingPath = cliPath,
                StartupTimeout = TimeSpan.FromSeconds(60),
                // Tests and dev mode force a search-attribute cache refresh on every read (so attributes registered at start
                // are usable at once); a production cluster does not, so neither does the benchmark unless --sa-refresh.
                ExtraArgs = ["--dynamic-config-value", $"system.forceSearchAttributesCacheRefreshOnRead={(options.ForceSearchAttributeRefresh ? "true" : "false")}"],
            },
        });
        var serverStartMs = Timing.MsSince(serverStart);
        var serverVersion = (await env.Client.WorkflowService.GetSystemInfoAsync(new())).ServerVersion;
        await using var antom = await BenchAntom.StartAsync();
        using var httpFactory = new SingleHttpClientFactory();
        var client = env.Client;

        var watchWindow = options.WatchWindow;
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = new CancelSettings { WatchWindow = watchWindow, TemporalWebBaseUrl = "http://127.0.0.1:8233" };
        var real = new Variant("CancelPaymentWorkflow (real activities, simulator over HTTP)", "real", $"bench-real-{run}");
        var bare = new Variant("BareCancelWorkflow (2 no-op activities + timer)", "bare", $"bench-bare-{run}");
        var diag = new Variant("diagnostic: CancelPaymentWorkflow, in-memory Antom (no HTTP/RSA)", "inmemory", $"bench-diag-{run}");
        real.Prepare = antom.CreatePaidPaymentsAsync;
        real.Start = id => StartRealAsync(client, id, real.TaskQueue, settings, options.EagerStart);
        real.Finish = FinishRealAsync;
        real.ClosedOk = CancelledOk;
        diag.ClosedOk = CancelledOk;
        diag.Start = id => StartRealAsync(client, id, diag.TaskQueue, settings, options.EagerStart);
        diag.Finish = FinishRealAsync;
        bare.Start = id => StartBareAsync(client, id, bare.TaskQueue, watchWindow);
        bare.Finish = FinishBareAsync;

        var workerSettings = new WorkerSettings(options);
        var inMemory = new InMemoryAntomClient(TimeProvider.System);
        using var realWorker = new TemporalWorker(client, workerSettings.Apply(new TemporalWorkerOptions(real.TaskQueue))
            .AddWorkflow<CancelPaymentWorkflow>()
            .AddAllActivities(RealActivities(antom.Client))
            .AddAllActivities(Support(httpFactory)));
        using var bareWorker = new TemporalWorker(client, workerSettings.Apply(new TemporalWorkerOptions(bare.TaskQueue))
            .AddWorkflow<BareCancelWorkflow>()
            .AddAllActivities(new BareActivities()));
        using var diagWorker = new TemporalWorker(client, workerSettings.Apply(new TemporalWorkerOptions(diag.TaskQueue))
            .AddWorkflow<CancelPaymentWorkflow>()
            .AddAllActivities(RealActivities(inMemory))
            .AddAllActivities(Support(httpFactory)));

        var sequential = options.Sequential ?? (options.Quick ? 10 : 40);
        var warmUp = options.Quick ? 3 : 5;
        var burstWarmUp = options.Quick ? 30 : 100;
        var workflows = options.Workflows ?? (options.Quick ? 100 : 400);
        var rounds = options.Rounds ?? (options.Quick ? 1 : 2);
        section.Setting("dev server", $"Temporal server {serverVersion}, {cliPath ?? "downloaded by the SDK"} (started in {serverStartMs / 1000:0.0} s, in-memory SQLite)");
        section.Setting("forceSearchAttributesCacheRefreshOnRead", options.ForceSearchAttributeRefresh ? "true (as tests and dev mode)" : "false (as a production cluster)");
        section.Setting("watch window", $"{watchWindow.TotalMilliseconds} ms timer in both workflows");
        section.Setting("worker (each variant its own, identical)", workerSettings.ToString());
        section.Setting("warm-up", $"{burstWarmUp} concurrent workflows per variant before P1");
        section.Setting("P1", $"{warmUp} warm-up + {sequential} measured per variant, one at a time, variants interleaved");
        section.Setting("P2", $"{workflows} workflows per variant per round, {rounds} round(s) alternating order, at most {options.StartConcurrency} starts in flight, " +
            (options.AwaitResults ? "each result awaited" : "results not awaited"));
        section.Setting("start", "real: like CancellationStarter (id policies, search attributes, static summary; no memo" +
            (options.EagerStart ? "; eager start, as the API in a process that runs the worker: its worker shares this client)" : "; not eager: --no-eager)") +
            "; bare: id policies only");

        using var cancellation = new CancellationTokenSource();
        TemporalWorker[] running = options.Diagnostic ? [realWorker, bareWorker, diagWorker] : [realWorker, bareWorker];
        var workers = running.Select(w => w.ExecuteAsync(cancellation.Token)).ToList();
        try
        {
            IReadOnlyList<Variant> variants = options.Diagnostic ? [real, bare, diag] : [real, bare];

            // Warm-up burst (not measured): JIT tiering, connection pools, thread pool and the server's caches reach their
            // steady state before anything is timed, so the first variant measured does not pay for them.
            foreach (var v in variants)
            {
                Progress.Say($"workflow warm-up: {burstWarmUp} {v.Key} workflows concurrently...");
                await BurstAsync(client, v, await v.PrepareAllAsync(burstWarmUp), options.StartConcurrency, awaitResults: false);
            }

            await SequentialAsync(section, variants, warmUp, sequential, RecordedHistory.LoadAll(), options.SaveHistoriesTo);
            await ThroughputAsync(section, client, variants, workflows, rounds, options.StartConcurrency, options.AwaitResults);
        }
        finally
        {
            await cancellation.CancelAsync();
            foreach (var w in workers)
            {
                try
                {
                    await w;
                }
                catch (OperationCanceledException)
                {
                    // the workers stop by cancellation
                }
            }
        }

        section.Notes.Add("The simulator runs in this process: its RSA signatures (one per answer) count against the worker's CPU here, " +
            "while real Antom signs on its own servers. 'bench CPU' is this whole process (worker + Antom client + simulator + Temporal client).");
    }

    private static AntomActivities RealActivities(IAntomClient antom) =>
        new(AntomMerchants.Single(antom), TimeProvider.System, NullLogger<AntomActivities>.Instance);

    private static SupportActivities Support(IHttpClientFactory http) =>
        new(http, Options.Create(new SupportOptions()), NullLogger<SupportActivities>.Instance);

    /// <summary>Starts the real workflow like <c>CancellationStarter</c> in the service (its memo left out).</summary>
    private static async Task<WorkflowHandle> StartRealAsync(ITemporalClient client, string paymentRequestId, string taskQueue, CancelSettings settings, bool eager)
    {
        var request = new CancelPaymentRequest
        {
            PaymentRequestId = paymentRequestId,
            Reason = "booking cancelled",
            BookingRef = "BK-BENCH",
            Merchant = "bench-merchant",
            RequestedBy = "benchmark",
            Settings = settings,
        };
        var attributes = new SearchAttributeCollection.Builder()
            .Set(CancelSearchAttributes.PaymentRequestId, paymentRequestId)
            .Set(CancelSearchAttributes.BookingRef, request.BookingRef)
            .Set(CancelSearchAttributes.Merchant, request.Merchant)
            .ToSearchAttributeCollection();
        return await client.StartWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(request),
            new WorkflowOptions(CancelWorkflowIds.For(request), taskQueue)
            {
                IdConflictPolicy = WorkflowIdConflictPolicy.Fail,
                IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
                TypedSearchAttributes = attributes,
                StaticSummary = $"Cancel {paymentRequestId} for {request.BookingRef} ({request.Merchant})",
                RequestEagerStart = eager,
            });
    }

    private static bool CancelledOk(WorkflowExecution run) =>
        run.Status == WorkflowExecutionStatus.Completed
        && run.TypedSearchAttributes.TryGetValue(CancelSearchAttributes.CancelOutcome, out var outcome)
        && outcome == CancelOutcomes.Cancelled;

    private static async Task<Outcome> FinishRealAsync(WorkflowHandle handle)
    {
        var status = await handle.GetResultAsync<CancelStatus>();
        var ok = status.Outcome == CancelOutcomes.Cancelled && status.Completed && status.Attempts.Count == 1;
        return new(ok, ok ? null : $"{status.Outcome} {status.Rule} {status.Detail}");
    }

    private static async Task<WorkflowHandle> StartBareAsync(ITemporalClient client, string id, string taskQueue, TimeSpan watchWindow) =>
        await client.StartWorkflowAsync(
            (BareCancelWorkflow wf) => wf.RunAsync(new BareCancelInput(id, watchWindow)),
            new WorkflowOptions($"bare-{id}", taskQueue)
            {
                IdConflictPolicy = WorkflowIdConflictPolicy.Fail,
                IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
            });

    private static async Task<Outcome> FinishBareAsync(WorkflowHandle handle)
    {
        var result = await handle.GetResultAsync<string>();
        return new(result == BareActivities.Cancelled, result);
    }

    /// <summary>
    /// P1: one cancellation at a time; each round runs every variant once, rotating which goes first. The figure is the
    /// time to the outcome: start -> result on the client, minus the watch-window timer's wait as the server recorded it
    /// (TimerStarted -> TimerFired). The dev server fires timers shorter than about a second only after about a second,
    /// the same for every variant, which would otherwise be most of the latency and hide the difference being measured.
    /// </summary>
    private static async Task SequentialAsync(
        Section section, IReadOnlyList<Variant> variants, int warmUp, int count, IReadOnlyList<RecordedHistory> recorded, string? saveHistoriesTo)
    {
        var prepared = new Dictionary<Variant, Queue<string>>();
        foreach (var v in variants)
        {
            prepared[v] = new Queue<string>(await v.PrepareAllAsync(warmUp + count));
        }

        var endToEnd = variants.ToDictionary(v => v, _ => new List<double>());
        var toOutcome = variants.ToDictionary(v => v, _ => new List<double>());
        var serverToOutcome = variants.ToDictionary(v => v, _ => new List<double>());
        var timerWait = variants.ToDictionary(v => v, _ => new List<double>());
        var failures = variants.ToDictionary(v => v, _ => 0);
        var costs = variants.ToDictionary(v => v, _ => new List<HistoryCost>());
        Progress.Say($"workflow P1: warm-up {warmUp} per variant, then {count} sequential per variant...");
        var measuredMs = 0.0;
        var cpu = CpuMeter.Start();
        for (var i = 0; i < warmUp + count; i++)
        {
            if (i == warmUp)
            {
                cpu = CpuMeter.Start();
            }

            for (var k = 0; k < variants.Count; k++)
            {
                var v = variants[(i + k) % variants.Count];
                var id = prepared[v].Dequeue();
                var t0 = Timing.Now();
                var handle = await v.Start(id);
                var outcome = await v.Finish(handle);
                var ms = Timing.MsSince(t0);
                if (i < warmUp)
                {
                    continue;
                }

                measuredMs += ms;
                v.LastHandle = handle;
                var history = await HistoryTimes.ReadAsync(handle); // not timed
                endToEnd[v].Add(ms);
                toOutcome[v].Add(ms - history.TimerWaitMs);
                serverToOutcome[v].Add(history.StartedToOutcomeMs);
                timerWait[v].Add(history.TimerWaitMs);
                costs[v].Add(history.Cost);
                if (!outcome.Ok)
                {
                    failures[v]++;
                    section.Notes.Add($"P1 {v.Key} {id}: unexpected result: {outcome.Detail}");
                }
            }
        }

        var usage = cpu.Stop();
        var bare = variants.Single(v => v.Key == "bare");
        var bareSummary = LatencySummary.Of(toOutcome[bare]);
        var table = new TextTable(
            "P1: time to the outcome of one cancellation, sequential (ms; client start -> result minus the watch-window timer's wait)",
            "variant", "p50", "p95", "p99", "mean", "p50 vs bare", "p95 vs bare", "server p50", "e2e p50", "timer wait p50", "n", "failed");
        foreach (var v in variants)
        {
            var s = LatencySummary.Of(toOutcome[v]);
            table.Row(
                v.Name, Fmt.Ms(s.P50), Fmt.Ms(s.P95), Fmt.Ms(s.P99), Fmt.Ms(s.Mean),
                Fmt.Ratio(s.P50 / bareSummary.P50), Fmt.Ratio(s.P95 / bareSummary.P95),
                Fmt.Ms(LatencySummary.Median(serverToOutcome[v])), Fmt.Ms(LatencySummary.Median(endToEnd[v])), Fmt.Ms(LatencySummary.Median(timerWait[v])),
                Fmt.Int(s.Count), Fmt.Int(failures[v]));
            section.Results[$"p1_{v.Key}"] = new
            {
                Variant = v.Name,
                TimeToOutcome = s,
                MedianVsBare = s.P50 / bareSummary.P50,
                P95VsBare = s.P95 / bareSummary.P95,
                ServerStartedToOutcome = LatencySummary.Of(serverToOutcome[v]),
                EndToEndIncludingTimer = LatencySummary.Of(endToEnd[v]),
                TimerWait = LatencySummary.Of(timerWait[v]),
                Failures = failures[v],
            };
        }

        section.Tables.Add(table);
        section.Tables.Add(CostTable(section, variants.ToDictionary(v => v.Name, v => (IReadOnlyList<HistoryCost>)costs[v]), recorded));
        if (saveHistoriesTo is not null)
        {
            Directory.CreateDirectory(saveHistoriesTo);
            foreach (var v in variants.Where(v => v.LastHandle is not null))
            {
                var file = Path.Combine(saveHistoriesTo, $"{v.Key}-happy-path.json");
                await File.WriteAllTextAsync(file, (await v.LastHandle!.FetchHistoryAsync()).ToJson());
                section.Notes.Add($"History of the last P1 run of {v.Key} saved to {file}.");
            }
        }

        foreach (var v in variants.Where(v => v.LastHandle is not null))
        {
            section.Tables.Add(await TimelineAsync($"Where the time goes: history of the last P1 run of {v.Key} (ms since WorkflowExecutionStarted)", v.LastHandle!));
        }

        section.Results["p1_cpu"] = usage;
        section.Notes.Add($"P1 CPU while measuring (history reads included): bench process {usage.SelfMs / usage.WallMs:0.00} cores, " +
            $"dev server {usage.DevServerMs / usage.WallMs:0.00} cores, others on the machine " +
            $"{(usage.OthersBusyCores is { } o2 ? o2.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a")} cores.");
        section.Notes.Add("P1 columns: server = WorkflowExecutionStarted -> the workflow task that decided the outcome (server clock); " +
            "e2e = client start -> result including the timer; timer wait = TimerStarted -> TimerFired for the watch window.");

        var realSummary = LatencySummary.Of(toOutcome[variants.Single(v => v.Key == "real")]);
        var medianRatio = realSummary.P50 / bareSummary.P50;
        var p95Ratio = realSummary.P95 / bareSummary.P95;
        section.Goals.Add(new("P1", "median time to outcome vs bare workflow", "<= 1.00x", $"{Fmt.Ratio(medianRatio)} ({Fmt.Ms(realSummary.P50)} vs {Fmt.Ms(bareSummary.P50)} ms)", medianRatio <= 1.0));
        section.Goals.Add(new("P1", "p95 time to outcome vs bare workflow", "<= 1.15x", $"{Fmt.Ratio(p95Ratio)} ({Fmt.Ms(realSummary.P95)} vs {Fmt.Ms(bareSummary.P95)} ms)", p95Ratio <= 1.15));
        var realCost = costs[variants.Single(v => v.Key == "real")].GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
        section.Goals.Add(new("cost", "Temporal Cloud actions per happy-path cancellation", "<= 4", Fmt.Int(realCost.Actions), realCost.Actions <= 4));
        section.Goals.Add(new("cost", "history events per happy-path cancellation", "<= 12", Fmt.Int(realCost.Events), realCost.Events <= 12));
    }

    /// <summary>
    /// Cost per happy-path cancellation, counted from the histories of the P1 runs (<see cref="HistoryCost"/>), and from
    /// histories recorded by earlier versions of the workflow (<see cref="RecordedHistory"/>: "today" before a change).
    /// </summary>
    private static TextTable CostTable(Section section, IReadOnlyDictionary<string, IReadOnlyList<HistoryCost>> measured, IReadOnlyList<RecordedHistory> recorded)
    {
        var table = new TextTable(
            "Cost per happy-path cancellation: history events and Temporal Cloud billable actions (https://docs.temporal.io/cloud/actions), counted from real histories",
            "variant", "events", "actions", "where from", "runs");
        foreach (var (name, costs) in measured)
        {
            if (costs.Count == 0)
            {
                continue;
            }

            // Every P1 run of a variant takes the same path; a spread would show a run that did not (a retry, a heartbeat).
            var typical = costs.GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
            var spread = costs.Min(c => c.Actions) == costs.Max(c => c.Actions) && costs.Min(c => c.Events) == costs.Max(c => c.Events)
                ? string.Empty
                : $" (range: events {costs.Min(c => c.Events)}-{costs.Max(c => c.Events)}, actions {costs.Min(c => c.Actions)}-{costs.Max(c => c.Actions)})";
            table.Row(name, Fmt.Int(typical.Events), Fmt.Int(typical.Actions), typical.Breakdown + spread, Fmt.Int(costs.Count));
            section.Results[$"cost_{name}"] = new { typical.Events, typical.Actions, typical.Breakdown, Runs = costs.Count };
        }

        foreach (var r in recorded)
        {
            table.Row($"recorded: {r.Name}", Fmt.Int(r.Cost.Events), Fmt.Int(r.Cost.Actions), r.Cost.Breakdown, "1");
            section.Results[$"cost_recorded_{r.Name}"] = new { r.Cost.Events, r.Cost.Actions, r.Cost.Breakdown };
        }

        return table;
    }

    /// <summary>P2: <paramref name="count"/> workflows per variant and round, started as fast as <paramref name="startConcurrency"/>
    /// allows; rounds alternate the order of the variants.</summary>
    private static async Task ThroughputAsync(
        Section section, ITemporalClient client, IReadOnlyList<Variant> variants, int count, int rounds, int startConcurrency, bool awaitResults)
    {
        var results = variants.ToDictionary(v => v, _ => new List<ThroughputRound>());
        for (var r = 0; r < rounds; r++)
        {
            var order = r % 2 == 0 ? variants : variants.Reverse().ToList();
            foreach (var v in order)
            {
                Progress.Say($"workflow P2 round {r + 1}/{rounds}: {v.Key}: preparing {count}...");
                var ids = await v.PrepareAllAsync(count);
                await Task.Delay(TimeSpan.FromSeconds(1)); // let the server settle after the previous burst
                Progress.Say($"workflow P2 round {r + 1}/{rounds}: {v.Key}: {count} workflows...");
                var round = await BurstAsync(client, v, ids, startConcurrency, awaitResults);
                results[v].Add(round);
                Progress.Say($"workflow P2 round {r + 1}/{rounds}: {v.Key}: {round.PerSecond:0} wf/s, {round.Failures} failed");
                if (round.Failures > 0)
                {
                    section.Notes.Add($"P2 round {r + 1} {v.Key}: {round.Failures} workflow(s) did not end as expected, e.g. {round.FirstFailure}");
                }
            }
        }

        var bare = variants.Single(v => v.Key == "bare");
        var bareRate = LatencySummary.Median(results[bare].Select(x => x.PerSecond));
        var table = new TextTable(
            $"P2: sustained cancellations per second, {count} concurrent starts per round (median of {rounds} round(s))",
            "variant", "wf/s", "vs bare", "steady wf/s", "rounds wf/s", "latency p50 ms", "p99 ms", "bench CPU ms/wf", "server CPU ms/wf", "others' cores", "failed");
        foreach (var v in variants)
        {
            var rs = results[v];
            var rate = LatencySummary.Median(rs.Select(x => x.PerSecond));
            var steady = LatencySummary.Median(rs.Select(x => x.SteadyPerSecond));
            var latency = LatencySummary.Of(rs.SelectMany(x => x.LatenciesMs));
            var selfCpu = LatencySummary.Median(rs.Select(x => x.Cpu.SelfMs / count));
            var serverCpu = LatencySummary.Median(rs.Select(x => x.Cpu.DevServerMs / count));
            var others = rs.Select(x => x.Cpu.OthersBusyCores).OfType<double>().ToList();
            table.Row(
                v.Name, Fmt.Rate(rate), Fmt.Ratio(rate / bareRate), Fmt.Rate(steady), string.Join(" / ", rs.Select(x => Fmt.Rate(x.PerSecond))),
                Fmt.Ms(latency.P50), Fmt.Ms(latency.P99), Fmt.Num(selfCpu, "0.00"), Fmt.Num(serverCpu, "0.00"),
                others.Count > 0 ? Fmt.Num(LatencySummary.Median(others), "0.00") : "n/a", Fmt.Int(rs.Sum(x => x.Failures)));
            section.Results[$"p2_{v.Key}"] = new
            {
                Variant = v.Name,
                WorkflowsPerSecond = rate,
                VsBare = rate / bareRate,
                SteadyWorkflowsPerSecond = steady,
                Rounds = rs.Select(x => new { x.PerSecond, x.SteadyPerSecond, x.Cpu, x.Failures }),
                LatencyUnderLoad = latency,
                BenchCpuMsPerWorkflow = selfCpu,
                DevServerCpuMsPerWorkflow = serverCpu,
            };
        }

        section.Tables.Add(table);
        section.Notes.Add("P2 figures come from visibility (server clock): wf/s = count / (first StartTime -> last CloseTime); " +
            "steady = the middle 80% of closes only (no ramp-up, no tail); latency = StartTime -> CloseTime of each workflow under this load " +
            "(includes the ~1 s timer floor). " + (awaitResults
                ? "Every start was followed by a result long-poll (--await-results)."
                : "Nobody waited on results (as the API's callers don't); completion was detected by counting closed runs in visibility every 200 ms."));

        var realRate = LatencySummary.Median(results[variants.Single(v => v.Key == "real")].Select(x => x.PerSecond));
        section.Goals.Add(new("P2", "sustained throughput vs bare workflow", ">= 1.30x", $"{Fmt.Ratio(realRate / bareRate)} ({Fmt.Rate(realRate)} vs {Fmt.Rate(bareRate)} wf/s)", realRate / bareRate >= 1.3));
        section.Goals.Add(new("P2", $"sustained throughput on {Environment.ProcessorCount} cores", ">= 100 wf/s", $"{Fmt.Rate(realRate)} wf/s", realRate >= 100));
    }

    /// <summary>
    /// Starts every workflow (at most <paramref name="startConcurrency"/> start calls in flight), waits until all are closed,
    /// then reads their start and close times from visibility (server clock) for the figures. By default nobody waits on
    /// a result, as with the service's API (it answers 202 and the caller queries later); with
    /// <paramref name="awaitResults"/> every start is followed by a result long-poll, as a caller using ?wait= would do.
    /// </summary>
    private static async Task<ThroughputRound> BurstAsync(ITemporalClient client, Variant v, IReadOnlyList<string> ids, int startConcurrency, bool awaitResults)
    {
        var failures = 0;
        string? firstFailure = null;
        using var gate = new SemaphoreSlim(startConcurrency);
        var since = DateTime.UtcNow.AddMilliseconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var query = $"TaskQueue = '{v.TaskQueue}' AND StartTime >= '{since}'";
        var cpu = CpuMeter.Start();
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            WorkflowHandle handle;
            try
            {
                handle = await v.Start(id);
            }
            finally
            {
                gate.Release();
            }

            if (awaitResults)
            {
                // Counted from visibility below; the result only explains a failure better.
                var outcome = await v.Finish(handle);
                if (!outcome.Ok)
                {
                    firstFailure ??= $"{id}: {outcome.Detail}";
                }
            }
        }));

        var deadline = Timing.Now() + (long)(TimeSpan.FromMinutes(5).TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while ((await client.CountWorkflowsAsync($"{query} AND ExecutionStatus != 'Running'")).Count < ids.Count)
        {
            if (Timing.Now() > deadline)
            {
                throw new TimeoutException($"P2 {v.Key}: not all {ids.Count} workflows closed within 5 minutes.");
            }

            await Task.Delay(200);
        }

        var usage = cpu.Stop();
        var runs = new List<WorkflowExecution>(ids.Count);
        await foreach (var run in client.ListWorkflowsAsync(query))
        {
            runs.Add(run);
        }

        foreach (var run in runs.Where(r => !v.ClosedOk(r)))
        {
            failures++;
            firstFailure ??= $"{run.Id}: {run.Status}";
        }

        var firstStart = runs.Min(r => r.StartTime);
        var closes = runs.Select(r => (r.CloseTime ?? DateTime.MaxValue) - firstStart).Order().ToArray();
        var total = runs.Count / closes[^1].TotalSeconds;
        var lo = (int)(closes.Length * 0.1);
        var hi = (int)(closes.Length * 0.9) - 1;
        var steady = (hi - lo) / (closes[hi] - closes[lo]).TotalSeconds;
        var latencies = runs.Select(r => ((r.CloseTime ?? DateTime.MaxValue) - r.StartTime).TotalMilliseconds).ToArray();
        return new(total, steady, latencies, usage, failures, firstFailure);
    }

    /// <summary>The events of one run with their server timestamps: which step took the time.</summary>
    private static async Task<TextTable> TimelineAsync(string title, WorkflowHandle handle)
    {
        var history = await handle.FetchHistoryAsync();
        var table = new TextTable(title, "event", "type", "at ms", "+ms");
        var first = history.Events.First().EventTime.ToDateTimeOffset();
        var previous = first;
        foreach (var e in history.Events)
        {
            var at = e.EventTime.ToDateTimeOffset();
            table.Row(Fmt.Int(e.EventId), e.EventType.ToString(), Fmt.Ms((at - first).TotalMilliseconds), Fmt.Ms((at - previous).TotalMilliseconds));
            previous = at;
        }

        return table;
    }

    private sealed record ThroughputRound(double PerSecond, double SteadyPerSecond, double[] LatenciesMs, CpuUsage Cpu, int Failures, string? FirstFailure);

    private sealed record Outcome(bool Ok, string? Detail);

    /// <summary>One workflow variant on its own task queue and worker.</summary>
    private sealed class Variant(string name, string key, string taskQueue)
    {
        private int made;

        public string Name { get; } = name;

        public string Key { get; } = key;

        public string TaskQueue { get; } = taskQueue;

        /// <summary>The last workflow run sequentially (its history explains the latency).</summary>
        public WorkflowHandle? LastHandle { get; set; }

        /// <summary>Makes whatever the ids need before timing (the real variant: paid payments in the simulator).</summary>
        public Func<IReadOnlyList<string>, int, Task> Prepare { get; set; } = (_, _) => Task.CompletedTask;

        public Func<string, Task<WorkflowHandle>> Start { get; set; } = _ => throw new InvalidOperationException("no start");

        public Func<WorkflowHandle, Task<Outcome>> Finish { get; set; } = _ => throw new InvalidOperationException("no finish");

        /// <summary>Whether a closed run (from visibility) ended as the happy path should.</summary>
        public Func<WorkflowExecution, bool> ClosedOk { get; set; } = r => r.Status == WorkflowExecutionStatus.Completed;

        public async Task<IReadOnlyList<string>> PrepareAllAsync(int count)
        {
            // Payment ids are at most 64 characters (A2); workflow ids carry them.
            var ids = Enumerable.Range(0, count).Select(_ => $"b{Key[0]}-{made++}-{Guid.NewGuid():N}").ToList();
            await Prepare(ids, 16);
            return ids;
        }
    }
}

/// <summary>Worker slots and pollers, the same for every variant.</summary>
public sealed class WorkerSettings(BenchOptions options)
{
    public int WorkflowTaskSlots { get; } = options.WorkflowTaskSlots;

    public int ActivitySlots { get; } = options.ActivitySlots;

    public int WorkflowPollers { get; } = options.WorkflowPollers;

    public int ActivityPollers { get; } = options.ActivityPollers;

    public int CachedWorkflows { get; } = 10_000;

    public TemporalWorkerOptions Apply(TemporalWorkerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.MaxConcurrentWorkflowTasks = WorkflowTaskSlots;
        o.MaxConcurrentActivities = ActivitySlots;
        o.MaxConcurrentWorkflowTaskPolls = WorkflowPollers;
        o.MaxConcurrentActivityTaskPolls = ActivityPollers;
        o.MaxCachedWorkflows = CachedWorkflows;
        return o;
    }

    public override string ToString() =>
        $"workflow task slots {WorkflowTaskSlots}, activity slots {ActivitySlots}, pollers {WorkflowPollers} workflow / {ActivityPollers} activity, cache {CachedWorkflows}";
}
