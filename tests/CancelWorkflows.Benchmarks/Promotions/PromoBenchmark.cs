using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Benchmarks.Harness;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Promotions;
using Temporalio.Client;
using Temporalio.Testing;

namespace CancelWorkflows.Benchmarks.Promotions;

/// <summary>
/// P4: one promotion with N unpaid holds (10,000), from "trigger now" through the API to every hold's
/// cancellation decided (the PromoExpiryWorkflow's result), with the simulator answering S, on one worker: the service
/// itself as a child process in production mode (API + its one hosted worker), so its peak RSS is measured alone. The
/// dev server, the simulator and the holds source run beside it on the same machine (and share its cores).
/// </summary>
public static class PromoBenchmark
{
    private const string ClientId = "BENCH_MERCHANT";

    public static async Task RunAsync(Section section, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var holdCount = options.Holds ?? (options.Quick ? 200 : 10_000);
        var maxParallel = options.MaxParallel ?? 200;
        var pageSize = options.PageSize ?? 1000;
        var cliPath = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH");
        var temporalAddress = $"127.0.0.1:{BenchKeys.FreePort()}";
        Progress.Say($"promo: starting the Temporal dev server on {temporalAddress}...");
        await using var env = await WorkflowEnvironment.StartLocalAsync(new()
        {
            TargetHost = temporalAddress,
            SearchAttributes = CancelSearchAttributes.All,
            DevServerOptions = new()
            {
                ExistingPath = string.IsNullOrWhiteSpace(cliPath) ? null : cliPath,
                StartupTimeout = TimeSpan.FromSeconds(60),
                // As a production cluster: no forced search-attribute cache refresh on every read (the tests and dev mode
                // force it so attributes added at run time are usable at once; here they are registered at start).
                ExtraArgs = options.ForceSearchAttributeRefresh ? ["--dynamic-config-value", "system.forceSearchAttributesCacheRefreshOnRead=true"] : [],
            },
        });

        using var keys = new BenchKeys();
        await using var simulator = await AntomSimulatorServer.StartAsync(
            new SimulatorOptions { Merchants = { [ClientId] = keys.MerchantPublicPem } },
            "http://127.0.0.1:0");
        await File.WriteAllTextAsync(keys.AntomPublicPath, simulator.AntomPublicKeyPem);

        var run = Guid.NewGuid().ToString("N")[..8];
        var promoId = $"bench-{run}";
        var ids = Enumerable.Range(0, holdCount).Select(i => $"p4-{run}-{i:00000}").ToList();
        Progress.Say($"promo: creating {holdCount} PROCESSING payments in the simulator...");
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (id, ct) =>
            await simulator.Control.PutPaymentAsync(id, new SimPaymentInput
            {
                PaymentMethodType = "ALIPAY_CN",
                PaymentStatus = "PROCESSING",
                PaymentAmount = new AntomAmount("USD", "1000"),
            }, ct));
        await using var holds = await BenchHoldsSource.StartAsync(promoId, ids, pageSize);

        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var apiUrl = $"http://127.0.0.1:{BenchKeys.FreePort()}";
        var serviceSettings = new Dictionary<string, string>
        {
            ["Temporal__Address"] = temporalAddress,
            ["Antom__GatewayUrl"] = simulator.BaseAddress.ToString(),
            ["Antom__ClientId"] = ClientId,
            ["Antom__MerchantPrivateKeyPath"] = keys.MerchantPrivatePath,
            ["Antom__AntomPublicKeyPath"] = keys.AntomPublicPath,
            ["Api__ApiKeys__bench"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))),
            ["Api__Callers__bench__Roles__0"] = "promotions",
            ["Promotions__HoldsSourceUrl"] = holds.Url,
            ["Promotions__HoldsSourceToken"] = BenchHoldsSource.Token,
            ["Outbound__AllowLoopback"] = "true", // the bench holds source is on this machine
            ["Urls"] = apiUrl,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (options.WorkstationGc)
        {
            serviceSettings["DOTNET_gcServer"] = "0";
        }

        await using var service = ProjectProcess.Start(serviceSettings);
        using var api = new HttpClient { BaseAddress = new Uri(apiUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        Progress.Say($"promo: starting the service ({service.DllPath}) as the one worker...");
        await WaitHealthyAsync(api, service);

        using (var create = await api.PostAsJsonAsync("v1/promotions", new { promoId, endsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture), maxParallel }))
        {
            await EnsureAsync(create, "create the promotion");
        }

        var idleMemory = service.Memory();
        Progress.Say($"promo: triggering {promoId}: {holdCount} holds, maxParallel {maxParallel}, pages of {pageSize}...");
        var cpu = CpuMeter.Start();
        var serviceCpuBefore = service.CpuSeconds() ?? 0;
        var started = Timing.Now();
        string workflowId;
        using (var trigger = await api.PostAsync($"v1/promotions/{promoId}/trigger", null))
        {
            var view = await EnsureAsync(trigger, "trigger");
            workflowId = (string?)view["lastRun"]?["workflowId"] ?? throw new InvalidOperationException($"No run after the trigger: {view.ToJsonString()}");
        }

        var peakSampled = 0.0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            var lastSay = Timing.Now();
            var handle = env.Client.GetWorkflowHandle<PromoExpiryWorkflow>(workflowId);
            while (!sampling.IsCancellationRequested)
            {
                peakSampled = Math.Max(peakSampled, service.Memory().Now ?? 0);
                if (Timing.MsSince(lastSay) > 10_000)
                {
                    lastSay = Timing.Now();
                    var status = await handle.QueryAsync(wf => wf.Status);
                    Progress.Say($"promo: {status.Finished}/{holdCount} decided, {status.InFlight} in flight, run {status.Runs}, RSS {service.Memory().Now:0} MiB");
                }

                await Task.Delay(250);
            }
        });
        var summary = await env.Client.GetWorkflowHandle<PromoExpiryWorkflow, PromoProgress>(workflowId).GetResultAsync();
        var wallMs = Timing.MsSince(started);
        var usage = cpu.Stop();
        var serviceCpu = (service.CpuSeconds() ?? 0) - serviceCpuBefore;
        await sampling.CancelAsync();
        await sampler;
        var (rssNow, rssPeak) = service.Memory();

        var cancelled = summary.ByOutcome.GetValueOrDefault("Cancelled");
        var sample = ids.Where((_, i) => i % Math.Max(1, holdCount / 50) == 0).ToList();
        var effective = await Task.WhenAll(sample.Select(async id => (await simulator.Control.GetPaymentAsync(id))?.EffectiveCancels ?? -1));

        section.Setting("holds", holdCount);
        section.Setting("maxParallel", maxParallel);
        section.Setting("holds source page size", pageSize);
        section.Setting("continue-as-new every", "1000 holds (Promotions:ContinueAsNewEvery default)");
        section.Setting("worker", "the service (production mode, Release if built so), one process, Temporal:Worker defaults " +
            "(MaxCachedWorkflows 500, 100 workflow tasks, 100 activities) unless set in the environment, log level Warning, " +
            (options.WorkstationGc ? "workstation GC (DOTNET_gcServer=0, as deploy/Dockerfile runs it)" : "server GC (the Web SDK's default; --server-gc)"));
        section.Setting("beside it", "Temporal dev server (in-memory SQLite), Antom simulator and holds source in the benchmark process: same 2 cores");
        section.Setting("forceSearchAttributesCacheRefreshOnRead", options.ForceSearchAttributeRefresh ? "true (--sa-refresh, as tests and dev mode)" : "false (as a production cluster)");
        section.Results["p4"] = new
        {
            holds = holdCount,
            wallSeconds = wallMs / 1000,
            holdsPerSecond = holdCount / (wallMs / 1000),
            peakRssMiB = rssPeak,
            peakRssSampledDuringRunMiB = peakSampled,
            rssBeforeTriggerMiB = idleMemory.Now,
            rssAtEndMiB = rssNow,
            summary.Finished,
            cancelled,
            summary.AlreadyHandled,
            summary.Failed,
            summary.StatusUnreadable,
            byOutcome = summary.ByOutcome,
            summary.Runs,
            summary.PagesRead,
            sampledEffectiveCancels = effective.Distinct().Order().ToArray(),
            cpu = usage,
            serviceCpuSeconds = serviceCpu,
        };
        var table = new TextTable("P4: trigger → every hold's cancellation decided", "measure", "value");
        table.Row("wall time", $"{wallMs / 1000:0.0} s");
        table.Row("throughput", $"{Fmt.Rate(holdCount / (wallMs / 1000))} holds/s");
        table.Row("worker peak RSS (VmHWM, whole life)", $"{rssPeak:0} MiB");
        table.Row("worker RSS before trigger / at end", $"{idleMemory.Now:0} / {rssNow:0} MiB");
        table.Row("decided / cancelled / failed", $"{summary.Finished} / {cancelled} / {summary.Failed}");
        table.Row("decided, by outcome", string.Join(", ", summary.ByOutcome.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
        table.Row("status unreadable (not cancelled, C6: a later trigger retries them)", $"{summary.StatusUnreadable}");
        table.Row("runs (continue-as-new) / pages", $"{summary.Runs} / {summary.PagesRead}");
        table.Row("effective cancels in a sample of " + sample.Count, string.Join(",", effective.Distinct().Order()));
        table.Row("CPU: service (the worker) / dev server / benchmark process", $"{serviceCpu:0.0} s / {(usage.DevServerMs / 1000) - serviceCpu:0.0} s / {usage.SelfMs / 1000:0.0} s");
        table.Row("machine busy (all processes, of 2 cores)", usage.MachineBusyCores is { } busy ? $"{busy:0.00} cores" : "n/a");
        section.Tables.Add(table);
        section.Goals.Add(new("P4", $"{holdCount} holds, trigger → all decided, one worker", "<= 180 s", $"{wallMs / 1000:0.0} s", wallMs <= 180_000 && summary.Finished == holdCount));
        section.Goals.Add(new("P4", "worker peak RSS", "<= 300 MiB", $"{rssPeak:0} MiB", rssPeak <= 300));
        if (summary.Finished != holdCount || cancelled != holdCount || effective.Any(e => e != 1))
        {
            section.Notes.Add($"UNEXPECTED: {summary.Finished} decided, {cancelled} cancelled of {holdCount}; sampled effective cancels {string.Join(",", effective)}");
        }
    }

    private static async Task WaitHealthyAsync(HttpClient api, ProjectProcess service)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"The service exited:{Environment.NewLine}{service.Tail}");
            }

            try
            {
                using var health = await api.GetAsync("health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The service was not healthy within 120 s:{Environment.NewLine}{service.Tail}");
    }

    private static async Task<JsonObject> EnsureAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!.AsObject()
            : throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {text}");
    }
}
