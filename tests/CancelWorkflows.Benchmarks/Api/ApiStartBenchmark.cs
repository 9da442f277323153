using System.Net;
using System.Net.Http.Json;
using CancelWorkflows.Benchmarks.Harness;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;

namespace CancelWorkflows.Benchmarks.Api;

/// <summary>
/// P5: <c>POST /v1/cancellations</c> → workflow started (202), against a direct SDK <c>StartWorkflowAsync</c>
/// with the same options, in the same run on the same dev server; one request at a time, variants interleaved (ABBA).
/// </summary>
public static class ApiStartBenchmark
{
    private const double GoalP50Ms = 20;

    public static async Task RunAsync(Section section, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var perVariant = options.Starts ?? (options.Quick ? 40 : 400);
        var rounds = options.Rounds ?? 4;
        var warmUp = options.Quick ? 10 : 50;
        var watchWindow = TimeSpan.FromSeconds(1);
        Progress.Say("api: starting the Temporal dev server, the simulator and the service...");
        await using var host = await ApiBenchHost.StartAsync(watchWindow);
        var run = Guid.NewGuid().ToString("N")[..8];
        var variants = new Dictionary<string, Func<string, Task>>
        {
            ["api"] = id => StartThroughApiAsync(host, id),
            ["sdk"] = id => StartDirectlyAsync(host.Temporal, id, watchWindow),
            ["sdk-svc"] = id => StartDirectlyAsync(host.ServiceTemporal, id, watchWindow),
            ["sdk-svc-eager"] = id => StartDirectlyAsync(host.ServiceTemporal, id, watchWindow, eager: true),
            ["http"] = id => PostAsync(host, ApiBenchHost.BaselinePath, id),
        };

        Progress.Say($"api: warm-up {warmUp} per variant...");
        foreach (var (name, start) in variants)
        {
            for (var i = 0; i < warmUp; i++)
            {
                await start($"bench-{run}-warm-{name}-{i}");
            }
        }

        var samples = variants.Keys.ToDictionary(k => k, _ => new List<double>());
        var perRound = Math.Max(1, perVariant / rounds);
        for (var r = 0; r < rounds; r++)
        {
            var order = r % 2 == 0 ? new[] { "api", "sdk", "sdk-svc", "sdk-svc-eager", "http" } : ["http", "sdk-svc-eager", "sdk-svc", "sdk", "api"];
            foreach (var name in order)
            {
                Progress.Say($"api: round {r + 1}/{rounds}: {perRound} {name} starts...");
                for (var i = 0; i < perRound; i++)
                {
                    var begin = Timing.Now();
                    await variants[name]($"bench-{run}-{name}-{r}-{i}");
                    samples[name].Add(Timing.MsSince(begin));
                }
            }
        }

        section.Setting("service", "in this process: AddServiceDefaults + AddCancelWorkflows (API-key auth, OpenTelemetry, hosted worker), Kestrel on loopback");
        section.Setting("dev server", "Temporal CLI dev server (in-memory SQLite), simulator in this process");
        section.Setting("measured", $"{perRound * rounds} starts per variant, one at a time, {rounds} rounds ABBA, after {warmUp} warm-up each");
        section.Setting("api", "POST /v1/cancellations (no wait) over one kept-alive HttpClient connection → 202 read");
        section.Setting("sdk", "StartWorkflowAsync(CancelPaymentWorkflow) with the API's options (id policies, search attributes, memo, summary)");
        section.Setting("sdk-svc", "the same StartWorkflowAsync through the service's own ITemporalClient (its runtime with the metrics bridge, the tracing interceptor, the connection its worker polls on)");
        section.Setting("sdk-svc-eager", "sdk-svc with RequestEagerStart, as the API starts when its process runs the worker: the answer carries the first workflow task to that worker");
        section.Setting("http", "baseline: the same POST (API key, body read, JSON 202) to an endpoint that does not call Temporal");
        var table = new TextTable("P5: start latency (ms)", "variant", "n", "mean", "p50", "p95", "p99", "max");
        var summaries = samples.ToDictionary(s => s.Key, s => LatencySummary.Of(s.Value));
        foreach (var (name, s) in summaries)
        {
            table.Row(name, Fmt.Int(s.Count), Fmt.Ms(s.Mean), Fmt.Ms(s.P50), Fmt.Ms(s.P95), Fmt.Ms(s.P99), Fmt.Ms(s.Max));
            section.Results[$"p5_{name}"] = s;
        }

        section.Tables.Add(table);
        var api = summaries["api"];
        var sdk = summaries["sdk"];
        var http = summaries["http"];
        var eager = summaries["sdk-svc-eager"];
        section.Notes.Add($"API over a direct SDK start: p50 {Fmt.SignedMs(api.P50 - sdk.P50)} ms, p99 {Fmt.SignedMs(api.P99 - sdk.P99)} ms; " +
            $"of which the HTTP round trip without Temporal (baseline) is p50 {Fmt.Ms(http.P50)} ms.");
        section.Goals.Add(new("P5", "API POST → workflow started, p50 on loopback", $"<= {GoalP50Ms} ms", $"{Fmt.Ms(api.P50)} ms (SDK {Fmt.Ms(sdk.P50)} ms)", api.P50 <= GoalP50Ms));
        section.Goals.Add(new("P5 vs SDK", "API p50 over a direct SDK start's", "<= +2 ms", $"{Fmt.SignedMs(api.P50 - sdk.P50)} ms", api.P50 - sdk.P50 <= 2));
        // Like for like: the API starts eagerly (its process runs the worker), so does this SDK start, through the same client.
        section.Notes.Add($"API p50 over the SDK's eager start through the service's client: {Fmt.SignedMs(api.P50 - eager.P50)} ms " +
            $"(eager start's own gain on that client: p50 {Fmt.SignedMs(summaries["sdk-svc"].P50 - eager.P50)} ms).");
    }

    private static Task StartThroughApiAsync(ApiBenchHost host, string paymentRequestId) => PostAsync(host, "v1/cancellations", paymentRequestId);

    private static async Task PostAsync(ApiBenchHost host, string path, string paymentRequestId)
    {
        using var response = await host.Api.PostAsJsonAsync(path, new { paymentRequestId, reason = "bench", merchant = "bench" });
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task StartDirectlyAsync(ITemporalClient client, string paymentRequestId, TimeSpan watchWindow, bool eager = false)
    {
        var request = new CancelPaymentRequest
        {
            PaymentRequestId = paymentRequestId,
            Reason = "bench",
            Merchant = "bench",
            RequestedBy = "bench",
            Settings = new CancelSettings { WatchWindow = watchWindow },
        };
        await client.StartWorkflowAsync((CancelPaymentWorkflow wf) => wf.RunAsync(request), new WorkflowOptions($"cancel-{paymentRequestId}", TemporalNames.TaskQueue)
        {
            IdConflictPolicy = WorkflowIdConflictPolicy.Fail,
            IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
            TypedSearchAttributes = new SearchAttributeCollection.Builder()
                .Set(CancelSearchAttributes.PaymentRequestId, paymentRequestId)
                .Set(CancelSearchAttributes.Merchant, "bench")
                .ToSearchAttributeCollection(),
            Memo = new Dictionary<string, object> { ["requestedBy"] = "bench" },
            StaticSummary = $"Cancel {paymentRequestId} (bench)",
            RequestEagerStart = eager,
        });
    }
}
