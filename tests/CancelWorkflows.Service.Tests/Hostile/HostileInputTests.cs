using System.Runtime.CompilerServices;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Benchmarks.Hostile;
using CancelWorkflows.DevMode;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Notifications;
using CsCheck;

namespace CancelWorkflows.Service.Tests.Hostile;

/// <summary>
/// Property tests with generated hostile requests (<see cref="HostileRequests"/>: malformed, huge and deeply nested
/// bodies, wrong types, control characters, bidi overrides, NUL, surrogate halves, very long strings; forged, replayed,
/// tampered and stale notification signatures; no key, a bad key, another caller's key) against dev mode as a process
/// on a real Temporal dev server. For each family: never a 5xx; a 4xx for every case that must be refused; none of the
/// owner's data in an answer to anyone else; and, read before and after, no workflow started (visibility), no schedule,
/// no call at the simulator ("Antom"), no signal to the owner's running cancellations. <see cref="Cases"/> per family
/// keeps the suite near 30 s; the benchmark's <c>hostile --count 10000</c> runs the same generators at volume.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileInputTests(ApiDevMode api)
{
    private const int Cases = 100;

    private static readonly ConditionalWeakTable<ApiDevMode, Task<HostileTarget>> Targets = [];

    [Fact]
    public Task Start_with_bad_input_or_no_right_is_refused_and_starts_nothing() => HoldsAsync(HostileRequests.Start);

    [Fact]
    public Task Get_of_a_refused_id_or_another_callers_cancellation_is_refused() => HoldsAsync(HostileRequests.Get);

    [Fact]
    public Task List_with_odd_filters_never_fails_and_never_shows_another_callers_cancellations() => HoldsAsync(HostileRequests.List);

    [Fact]
    public Task Resolve_by_a_non_operator_or_with_bad_input_is_refused_and_signals_nothing() => HoldsAsync(HostileRequests.Resolve);

    [Fact]
    public Task Promotions_without_the_role_or_with_bad_input_are_refused_and_schedule_nothing() => HoldsAsync(HostileRequests.Promotions);

    [Fact]
    public Task Forged_replayed_or_malformed_notifications_signal_nothing_and_never_fail() => HoldsAsync(HostileRequests.Notifications);

    private async Task HoldsAsync(Func<HostileTarget, Gen<HostileCase>> family)
    {
        var target = await TargetAsync();
        var before = await SideEffectsAsync(target);
        using var probe = new HostileProbe(target);

        // Two in flight: the service sees concurrent hostile requests, the shared machine is not swamped.
        await family(target).SampleAsync(async hostile => await probe.CheckAsync(hostile), iter: Cases, threads: 2);

        // Visibility is eventually consistent: a start the service wrongly made shows within a second or so.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var changes = (await SideEffectsAsync(target)).ChangesSince(before);
        Assert.True(changes.Count == 0, $"hostile input changed: {string.Join("; ", changes)}");
    }

    private Task<HostileSideEffects> SideEffectsAsync(HostileTarget target) =>
        HostileSideEffects.ReadAsync(api.Temporal, api.Dev.Simulator, target.Victims);

    /// <summary>booking owns two running cancellations; ticketing is the other plain caller; support the operator;
    /// promoter has the promotions role; notifications are signed with the simulator's key from the data folder.</summary>
    private Task<HostileTarget> TargetAsync()
    {
        lock (Targets)
        {
            return Targets.GetValue(api, static api => MakeTargetAsync(api));
        }
    }

    private static async Task<HostileTarget> MakeTargetAsync(ApiDevMode api)
    {
        var victims = await HostileVictims.StartAsync(api.Booking, api.Dev.Simulator, 2);
        var keys = new Dictionary<HostileCaller, string>
        {
            [HostileCaller.Owner] = ApiDevMode.BookingKey,
            [HostileCaller.Other] = ApiDevMode.TicketingKey,
            [HostileCaller.Operator] = ApiDevMode.SupportKey,
            [HostileCaller.Promoter] = ApiDevMode.PromoterKey,
        };
        var antomKey = AntomKeys.LoadPrivateKey(await File.ReadAllTextAsync(Path.Combine(api.Dev.DataDir, "keys", "antom-private.pem")));
        return new HostileTarget(api.ApiBase, NotificationPoster.Path, keys, antomKey, DevModeSetup.MerchantClientId, victims);
    }
}
