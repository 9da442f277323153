using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Benchmarks.Harness;
using CancelWorkflows.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Testing;

namespace CancelWorkflows.Benchmarks.ScaleOut;

/// <summary>
/// Scale-out on one machine, every part its own process: a Temporal dev server, the Antom simulator, one <c>api</c>, one
/// <c>ingress</c> and two <c>worker</c> processes of the service (Production environment, <c>Service:Roles</c>). N
/// cancellations through the API with mixed Antom answers, M late payment-success notifications sent by the simulator to
/// the ingress; one worker SIGKILLed in the middle (half started, a quarter decided) and a third started. Checked and printed: one outcome per
/// cancellation (by the API), at most one effective cancel per payment (the simulator), every notification recorded once
/// (the workflow's status), the API's non-2xx answers, and the work per worker identity (from the histories).
/// </summary>
public static class ScaleOutBenchmark
{
    private const string ClientId = "BENCH_MERCHANT";
    private const string ApiKey = "scaleout-bench-api-key";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DecideTimeout = TimeSpan.FromMinutes(10);

    /// <summary>What Antom answers for a payment, and the outcome that must follow.</summary>
    public enum Answer
    {
        S,
        UThenS,
        UFourTimes,
        F,
        Delayed,
    }

    public static async Task RunAsync(Section section, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var result = await RunAsync(new ScaleOutPlan(options.Cancellations ?? (options.Quick ? 30 : 300), options.Notifications ?? (options.Quick ? 5 : 50))
        {
            WorkerSettings = options.WorkerSettings,
        });
        result.Report(section);
    }

    /// <summary>Runs the whole scenario; every figure and check is in the result.</summary>
    public static async Task<ScaleOutResult> RunAsync(ScaleOutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cli = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH");
        var temporalAddress = $"127.0.0.1:{BenchKeys.FreePort()}";
        Progress.Say($"scaleout: Temporal dev server on {temporalAddress}...");
        await using var temporal = await WorkflowEnvironment.StartLocalAsync(new()
        {
            TargetHost = temporalAddress,
            SearchAttributes = CancelSearchAttributes.All,
            DevServerOptions = new() { ExistingPath = string.IsNullOrWhiteSpace(cli) ? null : cli, StartupTimeout = TimeSpan.FromSeconds(60) },
        });

        using var keys = new BenchKeys();
        var simulatorUrl = $"http://127.0.0.1:{BenchKeys.FreePort()}";
        var ingressUrl = $"http://127.0.0.1:{BenchKeys.FreePort()}";
        var apiUrl = $"http://127.0.0.1:{BenchKeys.FreePort()}";
        await using var simulator = ProjectProcess.Start(ProjectProcess.Simulator, new Dictionary<string, string>
        {
            ["Urls"] = simulatorUrl,
            ["Simulator__AntomPrivateKeyPath"] = keys.AntomPrivatePath,
            [$"Simulator__Merchants__{ClientId}"] = keys.MerchantPublicPath,
            ["Simulator__NotifyUrl"] = ingressUrl + "/v1/antom/notifications",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await simulator.WaitForLineAsync("Antom simulator listening on", ReadyTimeout);

        var roles = new ServiceRoles(temporalAddress, simulatorUrl, keys, plan.WorkerSettings);
        await using var api = roles.Start("api", apiUrl);
        await using var ingress = roles.Start("ingress", ingressUrl);
        var workers = new List<(string Name, ProjectProcess Process)> { ("worker-1", roles.Start("worker")), ("worker-2", roles.Start("worker")) };
        try
        {
            Progress.Say("scaleout: starting api, ingress, worker-1, worker-2...");
            await Task.WhenAll(new[] { api, ingress }.Concat(workers.Select(w => w.Process)).Select(p => p.WaitForLineAsync("CancelWorkflows ready", ReadyTimeout)));
            return await RunScenarioAsync(plan, temporal, simulatorUrl, apiUrl, roles, workers);
        }
        finally
        {
            foreach (var (_, process) in workers)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static async Task<ScaleOutResult> RunScenarioAsync(
        ScaleOutPlan plan,
        WorkflowEnvironment temporal,
        string simulatorUrl,
        string apiUrl,
        ServiceRoles roles,
        List<(string Name, ProjectProcess Process)> workers)
    {
        using var simulatorHttp = new HttpClient { BaseAddress = new Uri(simulatorUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
        var simulator = new SimulatorControlClient(simulatorHttp);
        var run = Guid.NewGuid().ToString("N")[..6];
        var payments = Enumerable.Range(0, plan.Cancellations)
            .Select(i => new Payment($"so-{run}-{i:0000}", AnswerOf(i), Late: false))
            .ToList();
        var lateQuota = plan.LateNotifications;
        for (var i = 0; i < payments.Count && lateQuota > 0; i++)
        {
            if (payments[i].Answer == Answer.S)
            {
                payments[i] = payments[i] with { Late = true };
                lateQuota--;
            }
        }

        Progress.Say($"scaleout: {payments.Count} payments in the simulator ({string.Join(", ", payments.GroupBy(p => p.Answer).Select(g => $"{g.Count()} {g.Key}"))}; {plan.LateNotifications} unpaid, to be paid late)...");
        await Parallel.ForEachAsync(payments, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (p, ct) =>
        {
            await simulator.PutPaymentAsync(p.Id, new SimPaymentInput
            {
                PaymentMethodType = "ALIPAY_CN",
                PaymentStatus = p.Late ? "PROCESSING" : "SUCCESS",
                PaymentAmount = new AntomAmount("USD", "1000"),
            }, ct);
            var faults = p.Answer switch
            {
                Answer.UThenS => [new SimFault { Kind = "U", Count = 1 }],
                Answer.UFourTimes => [new SimFault { Kind = "U", Count = 4 }],
                Answer.F => [new SimFault { Kind = "F", ResultCode = "ORDER_STATUS_INVALID" }],
                Answer.Delayed => [new SimFault { Kind = "delay", DelayMs = 1500 }],
                _ => Array.Empty<SimFault>(),
            };
            if (faults.Length > 0)
            {
                await simulator.QueueFaultsAsync(p.Id, faults, ct);
            }
        });

        using var apiHttp = new HttpClient { BaseAddress = new Uri(apiUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
        apiHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        var calls = new ApiCalls(apiHttp);
        using var probing = new CancellationTokenSource();
        var prober = calls.ProbeHealthAsync(probing.Token);

        Progress.Say($"scaleout: {payments.Count} cancellations through the API; worker-1 is SIGKILLed after {payments.Count / 2} starts...");
        var started = Timing.Now();
        var startedIds = new ConcurrentDictionary<string, bool>();
        var decided = new ConcurrentDictionary<string, JsonObject>();
        var outcomes = WaitForOutcomesAsync(payments, startedIds, decided, calls, simulator, temporal);
        var half = payments.Count / 2;
        await StartAllAsync(payments[..half], calls, startedIds);

        // In the middle of the work: half started, a quarter decided, the rest in flight on both workers (calls at Antom,
        // U-retry timers, escalations).
        while (decided.Count < payments.Count / 4 && !outcomes.IsCompleted)
        {
            await Task.Delay(100);
        }

        workers[0].Process.Kill();
        var killedAtMs = Timing.MsSince(started);
        workers.Add(("worker-3", roles.Start("worker")));
        Progress.Say($"scaleout: SIGKILLed worker-1 (pid {workers[0].Process.Pid}) at {killedAtMs / 1000:0.0} s; starting worker-3 (pid {workers[2].Process.Pid})");

        // The second half once worker-3 polls, so both survivors are there to share it (the API keeps answering: the
        // outcomes of the first half are read meanwhile, and /health is probed all along).
        await workers[2].Process.WaitForLineAsync("CancelWorkflows ready", ReadyTimeout);
        var thirdReadyMs = Timing.MsSince(started);
        await StartAllAsync(payments[half..], calls, startedIds);
        var startsMs = Timing.MsSince(started);

        var statuses = await outcomes;
        var decidedMs = Timing.MsSince(started);
        await WaitForNotificationsAsync(payments.Where(p => p.Late).ToList(), calls, statuses);
        var notifiedMs = Timing.MsSince(started);
        await probing.CancelAsync();
        await prober;

        Progress.Say("scaleout: reading the simulator's payments and every workflow's history...");
        var views = (await simulator.ListPaymentsAsync()).Where(v => v.PaymentRequestId.StartsWith($"so-{run}-", StringComparison.Ordinal)).ToDictionary(v => v.PaymentRequestId);
        var histories = await ReadHistoriesAsync(temporal, payments);
        return new ScaleOutResult
        {
            Plan = plan,
            Payments = payments,
            Statuses = statuses,
            Simulator = views,
            Calls = calls,
            Work = histories.Work,
            WorkflowTaskScheduleToStart = histories.WorkflowTaskScheduleToStart,
            ActivityScheduleToStart = histories.ActivityScheduleToStart,
            Workers = [.. workers.Select(w => new WorkerView(w.Name, w.Process.Pid, w.Name == "worker-1", w.Process.Memory().Peak))],
            StartsMs = startsMs,
            KilledAtMs = killedAtMs,
            ThirdReadyMs = thirdReadyMs,
            DecidedMs = decidedMs,
            NotifiedMs = notifiedMs,
        };
    }

    /// <summary>Mixed answers, by position: 4 in 10 S, 2 U then S, 1 U four times (escalated), 1 F, 2 S after 1.5 s.</summary>
    private static Answer AnswerOf(int i) => (i % 10) switch
    {
        < 4 => Answer.S,
        < 6 => Answer.UThenS,
        6 => Answer.UFourTimes,
        7 => Answer.F,
        _ => Answer.Delayed,
    };

    private static Task StartAllAsync(List<Payment> payments, ApiCalls calls, ConcurrentDictionary<string, bool> startedIds) =>
        Parallel.ForEachAsync(payments, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, _) =>
        {
            await calls.StartAsync(p.Id);
            startedIds[p.Id] = true;
        });

    /// <summary>Polls each started cancellation through the API until its outcome is known; a late payment's notification
    /// is sent by the simulator as soon as its cancellation is decided.</summary>
    private static async Task<ConcurrentDictionary<string, JsonObject>> WaitForOutcomesAsync(
        List<Payment> payments,
        ConcurrentDictionary<string, bool> startedIds,
        ConcurrentDictionary<string, JsonObject> decided,
        ApiCalls calls,
        SimulatorControlClient simulator,
        WorkflowEnvironment temporal)
    {
        var deadline = Timing.Now();
        var lastSay = Timing.Now();
        while (decided.Count < payments.Count)
        {
            if (Timing.MsSince(deadline) > DecideTimeout.TotalMilliseconds)
            {
                var undecided = payments.Where(p => !decided.ContainsKey(p.Id)).Take(5).ToList();
                var stories = await Task.WhenAll(undecided.Select(p => DescribeAsync(temporal, calls, p)));
                throw new TimeoutException($"{payments.Count - decided.Count} cancellations undecided after {DecideTimeout}:{Environment.NewLine}{string.Join(Environment.NewLine, stories)}");
            }

            await Parallel.ForEachAsync(payments.Where(p => startedIds.ContainsKey(p.Id) && !decided.ContainsKey(p.Id)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, ct) =>
            {
                if (await calls.StatusAsync(p.Id) is { } status && status["outcome"] is JsonValue)
                {
                    decided[p.Id] = status;
                    if (p.Late)
                    {
                        await simulator.SendNotificationAsync(p.Id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS" }, ct);
                    }
                }
            });
            if (Timing.MsSince(lastSay) > 10_000)
            {
                lastSay = Timing.Now();
                Progress.Say($"scaleout: {decided.Count}/{payments.Count} decided");
            }

            await Task.Delay(500);
        }

        return decided;
    }

    /// <summary>What the API and Temporal say about a cancellation that has no outcome: for the report of a failed run.</summary>
    private static async Task<string> DescribeAsync(WorkflowEnvironment temporal, ApiCalls calls, Payment payment)
    {
        var handle = temporal.Client.GetWorkflowHandle($"cancel-{payment.Id}");
        var description = await handle.DescribeAsync();
        var history = await handle.FetchHistoryAsync();
        var tail = history.Events.TakeLast(12).Select(e => $"{e.EventId} {e.EventType}" + e.EventType switch
        {
            EventType.WorkflowTaskFailed => $" ({e.WorkflowTaskFailedEventAttributes.Cause}: {e.WorkflowTaskFailedEventAttributes.Failure?.Message})",
            EventType.WorkflowTaskTimedOut => $" ({e.WorkflowTaskTimedOutEventAttributes.TimeoutType})",
            EventType.ActivityTaskTimedOut => $" ({e.ActivityTaskTimedOutEventAttributes.Failure?.Message})",
            _ => string.Empty,
        });
        return $"{payment.Id} ({payment.Answer}): {description.Status}, {history.Events.Count} events; " +
            $"API: {await calls.LastStatusAnswerAsync(payment.Id)}; last events: {string.Join(" | ", tail)}";
    }

    private static async Task WaitForNotificationsAsync(List<Payment> late, ApiCalls calls, ConcurrentDictionary<string, JsonObject> statuses)
    {
        Progress.Say($"scaleout: waiting for {late.Count} late success notifications to be recorded...");
        var deadline = Timing.Now();
        var pending = late.Select(p => p.Id).ToHashSet();
        while (pending.Count > 0 && Timing.MsSince(deadline) < DecideTimeout.TotalMilliseconds)
        {
            foreach (var id in pending.ToList())
            {
                if (await calls.StatusAsync(id) is { } status && status["notifications"] is JsonArray { Count: > 0 })
                {
                    statuses[id] = status;
                    pending.Remove(id);
                }
            }

            await Task.Delay(500);
        }
    }

    /// <summary>From every cancellation's history: workflow and activity tasks started per worker identity (local
    /// activities counted for the worker that recorded them), and each task's schedule-to-start latency (how long it waited on the task queue for a poller).</summary>
    private static async Task<HistoryFigures> ReadHistoriesAsync(WorkflowEnvironment temporal, List<Payment> payments)
    {
        var counts = new ConcurrentDictionary<string, (int WorkflowTasks, int ActivityTasks)>();
        var workflowWaits = new ConcurrentBag<double>();
        var activityWaits = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(payments, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, _) =>
        {
            var history = await temporal.Client.GetWorkflowHandle($"cancel-{p.Id}").FetchHistoryAsync();
            var scheduled = history.Events.ToDictionary(e => e.EventId, e => e.EventTime.ToDateTime());
            var lastTaskBy = string.Empty;
            foreach (var e in history.Events)
            {
                if (e.EventType == EventType.WorkflowTaskCompleted)
                {
                    lastTaskBy = e.WorkflowTaskCompletedEventAttributes.Identity;
                }
                else if (e.EventType == EventType.MarkerRecorded && e.MarkerRecordedEventAttributes.MarkerName == "core_local_activity")
                {
                    // A local activity (the eligibility inquiry, a cancel call) ran on the worker whose workflow task recorded it.
                    counts.AddOrUpdate(lastTaskBy, (0, 1), (_, c) => (c.WorkflowTasks, c.ActivityTasks + 1));
                }
                else if (e.EventType == EventType.WorkflowTaskStarted)
                {
                    var started = e.WorkflowTaskStartedEventAttributes;
                    counts.AddOrUpdate(started.Identity, (1, 0), (_, c) => (c.WorkflowTasks + 1, c.ActivityTasks));
                    workflowWaits.Add((e.EventTime.ToDateTime() - scheduled[started.ScheduledEventId]).TotalMilliseconds);
                }
                else if (e.EventType == EventType.ActivityTaskStarted)
                {
                    var started = e.ActivityTaskStartedEventAttributes;
                    counts.AddOrUpdate(started.Identity, (0, 1), (_, c) => (c.WorkflowTasks, c.ActivityTasks + 1));
                    activityWaits.Add((e.EventTime.ToDateTime() - scheduled[started.ScheduledEventId]).TotalMilliseconds);
                }
            }
        });
        return new(new(counts), LatencySummary.Of(workflowWaits), LatencySummary.Of(activityWaits));
    }

    /// <summary>What the histories say: work per identity, schedule-to-start of workflow and activity tasks.</summary>
    public sealed record HistoryFigures(
        Dictionary<string, (int WorkflowTasks, int ActivityTasks)> Work,
        LatencySummary WorkflowTaskScheduleToStart,
        LatencySummary ActivityScheduleToStart);

    public sealed record Payment(string Id, Answer Answer, bool Late);

    public sealed record WorkerView(string Name, int Pid, bool Killed, double? PeakRssMiB);

    /// <summary>The service's processes, each with the settings of its roles only (deploy/README.md).</summary>
    private sealed class ServiceRoles(string temporalAddress, string simulatorUrl, BenchKeys keys, IReadOnlyDictionary<string, string> workerSettings)
    {
        public ProjectProcess Start(string roles, string? url = null)
        {
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Service__Roles"] = roles,
                ["Urls"] = url ?? $"http://127.0.0.1:{BenchKeys.FreePort()}",
                ["Temporal__Address"] = temporalAddress,
                // U-retries 1 s apart (A4: three), so a U×4 cancellation escalates within seconds; workflows stay open for
                // the late notifications.
                ["Cancel__RetryDelays__0"] = "00:00:01",
                ["Cancel__RetryDelays__1"] = "00:00:01",
                ["Cancel__RetryDelays__2"] = "00:00:01",
                ["Cancel__WatchWindow"] = "00:30:00",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            switch (roles)
            {
                case "api":
                    settings["Api__ApiKeys__bench"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)));
                    break;
                case "ingress":
                    settings["Antom__ClientId"] = ClientId;
                    settings["Antom__AntomPublicKeyPath"] = keys.AntomPublicPath;
                    break;
                default:
                    settings["Antom__GatewayUrl"] = simulatorUrl;
                    settings["Antom__ClientId"] = ClientId;
                    settings["Antom__MerchantPrivateKeyPath"] = keys.MerchantPrivatePath;
                    settings["Antom__AntomPublicKeyPath"] = keys.AntomPublicPath;
                    foreach (var (key, value) in workerSettings)
                    {
                        settings[key] = value;
                    }

                    break;
            }

            return ProjectProcess.Start(settings);
        }
    }

    /// <summary>Every API call of the run, counted by answer: anything but 2xx (or no answer) is a failure.</summary>
    public sealed class ApiCalls(HttpClient api)
    {
        private readonly ConcurrentDictionary<string, int> answers = new();
        private readonly ConcurrentQueue<string> failureSamples = new();

        public int Total => answers.Values.Sum();

        public int Failures => answers.Where(a => !a.Key.StartsWith('2')).Sum(a => a.Value);

        public IReadOnlyDictionary<string, int> Answers => answers;

        /// <summary>The first few failures: what was asked, and the problem the API answered with.</summary>
        public IReadOnlyCollection<string> FailureSamples => failureSamples;

        public async Task StartAsync(string id)
        {
            using var response = await SendAsync("start", () => api.PostAsJsonAsync("v1/cancellations", new { paymentRequestId = id, reason = "scale-out benchmark" }));
        }

        /// <summary>One more status read, its answer as text (for a report).</summary>
        public async Task<string> LastStatusAnswerAsync(string id)
        {
            using var response = await api.GetAsync($"v1/cancellations/{id}");
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        public async Task<JsonObject?> StatusAsync(string id)
        {
            using var response = await SendAsync("status", () => api.GetAsync($"v1/cancellations/{id}"));
            return response is { IsSuccessStatusCode: true } ? JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject() : null;
        }

        /// <summary>GET /health every 200 ms until cancelled: the API must stay ready while a worker dies.</summary>
        public async Task ProbeHealthAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using (await SendAsync("health", () => api.GetAsync("health", CancellationToken.None)))
                {
                }

                try
                {
                    await Task.Delay(200, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private async Task<HttpResponseMessage?> SendAsync(string what, Func<Task<HttpResponseMessage>> send)
        {
            try
            {
                var response = await send();
                answers.AddOrUpdate($"{(int)response.StatusCode} {what}", 1, (_, n) => n + 1);
                if (!response.IsSuccessStatusCode && failureSamples.Count < 5)
                {
                    failureSamples.Enqueue($"{what} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                return response;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                answers.AddOrUpdate($"no answer {what}", 1, (_, n) => n + 1);
                failureSamples.Enqueue($"{what}: no answer ({e.Message})");
                return null;
            }
        }
    }
}
