extern alias service;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Benchmarks.Harness;
using CsCheck;
using service::CancelWorkflows.Service.Api;
using service::CancelWorkflows.Service.Notifications;
using service::CancelWorkflows.Service.Promotions;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>
/// The hostile-input generators of the Service tests' property tests (<c>Hostile/</c>), <c>--count</c> cases of each
/// family, against the service composed as production composes it (API, promotions, notification ingress) on a
/// Temporal dev server and the simulator. Reports cases, seconds and answers by status per family, every property
/// violation, and whether anything was started, scheduled, called at "Antom" or signalled.
/// </summary>
public static class HostileBenchmark
{
    private const string NotificationPath = "/v1/antom/notifications";

    public static async Task RunAsync(Section section, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var count = options.Count ?? (options.Quick ? 50 : 10_000);
        var threads = options.Threads ?? 8;
        var keys = new Dictionary<HostileCaller, string>
        {
            [HostileCaller.Owner] = "hostile-owner-key-0001",
            [HostileCaller.Other] = "hostile-other-key-0002",
            [HostileCaller.Operator] = "hostile-operator-key-0003",
            [HostileCaller.Promoter] = "hostile-promoter-key-0004",
        };
        var settings = new Dictionary<string, string?>
        {
            ["Cancel:WatchWindow"] = "01:00:00",
            ["Notifications:Path"] = NotificationPath,
            ["Api:Callers:operator:Roles:0"] = "operator",
            ["Api:Callers:promoter:Roles:0"] = "promotions",

            // Promotions answer 503 without a holds source; no hostile request may create one that runs, so none is called.
            ["Promotions:HoldsSourceUrl"] = "http://127.0.0.1:9/holds",
            ["Outbound:AllowLoopback"] = "true",
        };
        foreach (var (caller, key) in keys)
        {
            settings[$"Api:ApiKeys:{caller.ToString().ToLowerInvariant()}"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        Progress.Say("hostile: starting the Temporal dev server, the simulator and the service...");
        await using var service = await BenchService.StartAsync(settings, forceSearchAttributeRefresh: true, app =>
        {
            app.MapCancellationsApi();
            app.MapPromotions();
            app.MapAntomNotifications();
        });
        using var owner = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        owner.DefaultRequestHeaders.Authorization = new("Bearer", keys[HostileCaller.Owner]);
        var victims = await HostileVictims.StartAsync(owner, service.Simulator, 3);
        var target = new HostileTarget(service.BaseAddress, NotificationPath, keys, service.AntomKey, BenchService.ClientId, victims);
        var before = await HostileSideEffects.ReadAsync(service.Temporal, service.Simulator, victims);
        using var probe = new HostileProbe(target);
        var violations = new ConcurrentBag<(string Family, string Message)>();
        var table = new TextTable($"hostile input: {Fmt.Int(count)} cases per family, {threads} in flight", "family", "cases", "seconds", "cases/s", "answers by status", "violations");
        var total = Stopwatch.StartNew();
        foreach (var (family, cases) in HostileRequests.Families(target))
        {
            Progress.Say($"hostile: {count} {family} cases...");
            var found = 0;
            var watch = Stopwatch.StartNew();
            await cases.SampleAsync(
                async hostile =>
                {
                    try
                    {
                        await probe.CheckAsync(hostile);
                    }
                    catch (HostileViolationException e)
                    {
                        Interlocked.Increment(ref found);
                        violations.Add((family, e.Message));
                    }
                },
                iter: count,
                threads: threads);
            watch.Stop();
            var statuses = probe.Outcomes.Where(o => o.Key.Family == family).OrderBy(o => o.Key.Status).Select(o => $"{o.Key.Status}: {Fmt.Int(o.Value)}");
            table.Row(family, Fmt.Int(count), Fmt.Num(watch.Elapsed.TotalSeconds), Fmt.Rate(count / watch.Elapsed.TotalSeconds), string.Join(", ", statuses), Fmt.Int(found));
            section.Results[$"hostile_{family}"] = new { cases = count, seconds = watch.Elapsed.TotalSeconds, statuses = probe.Outcomes.Where(o => o.Key.Family == family).ToDictionary(o => o.Key.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), o => o.Value), violations = found };
        }

        total.Stop();

        // Visibility is eventually consistent: a start the service wrongly made shows within a second or two.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var changes = (await HostileSideEffects.ReadAsync(service.Temporal, service.Simulator, victims)).ChangesSince(before);
        section.Setting("service", "in this process: AddServiceDefaults + AddCancelWorkflows, /v1/cancellations*, /v1/promotions*, the notification ingress; Kestrel on loopback");
        section.Setting("callers", "owner, other (plain callers), operator, promoter (promotions role); no key; a key nobody has");
        section.Setting("victims", $"{victims.Count} of the owner's cancellations, decided and still running (watch window 1 h)");
        section.Setting("total", $"{Fmt.Int(count * 6)} cases in {Fmt.Num(total.Elapsed.TotalSeconds)} s");
        section.Tables.Add(table);
        section.Results["hostile_violations"] = violations.Count;
        section.Results["hostile_side_effects"] = changes;
        section.Notes.Add(changes.Count == 0
            ? $"nothing started, scheduled, called at the simulator or signalled ({before})"
            : "CHANGED by hostile input: " + string.Join("; ", changes));
        foreach (var violation in violations.GroupBy(v => v.Family).SelectMany(f => f.Take(5)))
        {
            section.Notes.Add("VIOLATION: " + violation.Message);
        }
    }
}
