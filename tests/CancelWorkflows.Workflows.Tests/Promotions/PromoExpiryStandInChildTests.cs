using System.Diagnostics;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Api.Sdk.V1;
using Temporalio.Client;
using Temporalio.Worker;
using Xunit.Abstractions;

namespace CancelWorkflows.Workflows.Tests.Promotions;

/// <summary>
/// PromoExpiryWorkflow on the real dev server with <see cref="StandInCancelWorkflow"/> children (same workflow type and
/// report as the real child, fast, and told by the test what each hold does): the fan-out at scale, the progress a run
/// shows, and holds whose status could not be read.
/// </summary>
[Collection(SecondDevServerCollection.Name)]
public sealed class PromoExpiryStandInChildTests(TemporalDevServerFixture devServer, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();
    private readonly StandInHolds holds = new();

    /// <summary>Temporal refuses a run more than 2,000 pending children, and a child stays pending for its 25 h watch
    /// window: however large a page, no run may start more than ContinueAsNewEvery children.</summary>
    [Fact]
    public async Task RunAsync_C6_OnePageOfSixTimesContinueAsNewEvery_ContinuesAsNewPerHold_EachHoldStartedOnceNoRunAboveContinueAsNewEvery()
    {
        const int Count = 120, Every = 20, Parallel = 10;
        var ids = NewIds(Count);
        await using var source = await HoldsSource.StartAsync([Holds(ids)]);
        using var worker = Worker(source.Url);
        var clock = Stopwatch.StartNew();

        var (summary, chain) = await worker.ExecuteAsync(async () =>
        {
            var handle = await StartPromoAsync(NewPromoId(), Every, Parallel);
            var result = await handle.GetResultAsync();
            return (result, await PromoRunChain.ReadAsync(devServer.Client, handle.Id, handle.FirstExecutionRunId!));
        }).WithinDeadline();

        output.WriteLine($"{Count} holds in one page, {chain.Runs.Count} runs, {clock.Elapsed.TotalSeconds:F1} s");
        var perRun = chain.ChildrenStartedPerRun;
        Assert.True(perRun.All(started => started.Count <= Every), $"children started per run: {string.Join(", ", perRun.Select(r => r.Count))}");
        var started = perRun.SelectMany(r => r).ToList();
        Assert.Equal(ids.Select(id => CancelWorkflowIds.For(id, null)).Order(StringComparer.Ordinal), started.Order(StringComparer.Ordinal));
        Assert.True(summary.Completed);
        Assert.Equal(Count / Every, summary.Runs);
        Assert.Equal(chain.Runs.Count, summary.Runs);
        Assert.Equal((1, Count, Count, 0), (summary.PagesRead, summary.HoldsListed, summary.Started, summary.AlreadyHandled));
        Assert.Equal((Count, Count, 0), (summary.ByOutcome[CancelOutcomes.Cancelled], summary.Finished, summary.InFlight));
        Assert.Equal((Every, Every), (summary.StartedThisRun, summary.CarriedHolds));
    }

    /// <summary>The Status query and Temporal Web's current details say, while it runs, what is in flight, what this run
    /// has taken up and carried over, and how many holds could not be read.</summary>
    [Fact]
    public async Task RunAsync_WhileItRuns_StatusAndDetailsShowInFlightStartedThisRunCarriedAndStatusUnreadable()
    {
        var ids = NewIds(5);
        holds.Set(ids[1], StandInHolds.Unreadable);
        holds.Set(ids[2], StandInHolds.Held);
        holds.Set(ids[4], StandInHolds.Held);
        await using var source = await HoldsSource.StartAsync([Holds(ids)]);
        using var worker = Worker(source.Url);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartPromoAsync(NewPromoId(), continueAsNewEvery: 3, maxParallel: 3);

            // Run 1 took up 3 holds (its limit) and waits for the held one before continuing as new with the other 2.
            var first = await StatusWhenAsync(handle, p => p.Runs == 1 && p.StatusUnreadable == 1 && p.ByOutcome.Count == 1);
            Assert.Equal((1, 3, 0, 2), (first.InFlight, first.StartedThisRun, first.CarriedHolds, first.WaitingHolds));
            var details = await CurrentDetailsAsync(handle);
            List<string> parts = ["1 in flight", "3 taken up", "0 carried over", "2 waiting", "1 status unreadable"];
            foreach (var part in parts)
            {
                Assert.Contains(part, details, StringComparison.Ordinal);
            }

            await ReleaseAsync(ids[2]);

            // Run 2 started with the 2 carried holds, and waits for the second held one.
            var second = await StatusWhenAsync(handle, p => p.Runs == 2 && p.InFlight == 1 && p.StartedThisRun == 2);
            Assert.Equal((2, 0, 1), (second.CarriedHolds, second.WaitingHolds, second.StatusUnreadable));
            Assert.Contains("2 carried over from the previous run", await CurrentDetailsAsync(handle), StringComparison.Ordinal);
            await ReleaseAsync(ids[4]);

            var summary = await handle.GetResultAsync();
            Assert.Equal((5, 4, 1, 0), (summary.Started, summary.ByOutcome[CancelOutcomes.Cancelled], summary.StatusUnreadable, summary.InFlight));
        }).WithinDeadline();
    }

    /// <summary>A hold whose status could not be read is counted apart (nothing was cancelled; not Failed, not Unknown),
    /// whether its report arrived or only its failure; the next trigger starts it again, and only it.</summary>
    [Fact]
    public async Task RunAsync_StatusUnreadable_CountedApart_NextTriggerStartsThoseHoldsAgainOthersAlreadyHandled()
    {
        var ids = NewIds(4);
        var (reported, unreported) = (ids[0], ids[1]);
        holds.Set(reported, StandInHolds.Unreadable);
        holds.Set(unreported, StandInHolds.UnreadableUnreported);
        await using var source = await HoldsSource.StartAsync([Holds(ids)]);
        using var worker = Worker(source.Url);
        var promoId = NewPromoId();

        var (first, second, latest) = await worker.ExecuteAsync(async () =>
        {
            var first = await (await StartPromoAsync(promoId)).GetResultAsync();
            holds.Clear(reported);
            holds.Clear(unreported);
            var second = await (await StartPromoAsync(promoId)).GetResultAsync();

            // A child reports to its run before it closes, so the run can end first: its result is awaited while the worker
            // still runs (after it, nothing would ever close the child, and the wait would never end).
            var latest = new List<CancelStatus>();
            foreach (var id in new[] { reported, unreported })
            {
                latest.Add(await devServer.Client.GetWorkflowHandle(CancelWorkflowIds.For(id, null)).GetResultAsync<CancelStatus>());
            }

            return (first, second, latest);
        }).WithinDeadline();

        Assert.Equal((4, 2, 0), (first.Started, first.StatusUnreadable, first.Failed));
        Assert.Equal([CancelOutcomes.Cancelled], first.ByOutcome.Keys);
        Assert.Equal((2, 4), (first.ByOutcome[CancelOutcomes.Cancelled], first.Finished));
        Assert.Equal((2, 2, 0, 0), (second.Started, second.AlreadyHandled, second.StatusUnreadable, second.Failed));
        Assert.Equal(2, second.ByOutcome[CancelOutcomes.Cancelled]);
        Assert.Equal((2, 2, 1, 1), (holds.Asked[reported], holds.Asked[unreported], holds.Asked[ids[2]], holds.Asked[ids[3]]));
        Assert.All(latest, status => Assert.Equal(CancelOutcomes.Cancelled, status.Outcome));
    }

    /// <summary>A2: <c>cancel-pid-X</c> is the cancellation of the payment whose Antom paymentId is X, so a hold listed
    /// with paymentRequestId <c>pid-X</c> is never started (it would reach that other payment's workflow): counted failed.
    /// The children that are started carry the caller the API's ownership checks use (operators only).</summary>
    [Fact]
    public async Task RunAsync_A2_HoldWithReservedPidPrefix_NotStartedCountedFailed_OthersCarryRequestedBy()
    {
        var ids = NewIds(2);
        var reserved = $"pid-{Guid.NewGuid():N}"[..24];
        await using var source = await HoldsSource.StartAsync([Holds([ids[0], reserved, ids[1]])]);
        using var worker = Worker(source.Url);
        var promoId = NewPromoId();

        var summary = await worker.ExecuteAsync(async () => await (await StartPromoAsync(promoId)).GetResultAsync()).WithinDeadline();

        Assert.Equal((3, 2, 1), (summary.HoldsListed, summary.Started, summary.Failed));
        Assert.False(holds.Asked.ContainsKey(reserved));
        var wrongWorkflow = devServer.Client.GetWorkflowHandle(CancelWorkflowIds.For(null, reserved["pid-".Length..]));
        await Assert.ThrowsAsync<Temporalio.Exceptions.RpcException>(() => wrongWorkflow.DescribeAsync());
        foreach (var id in ids)
        {
            var description = await devServer.Client.GetWorkflowHandle(CancelWorkflowIds.For(id, null)).DescribeAsync();
            Assert.Equal($"promo-expiry:{promoId}", description.TypedSearchAttributes.Get(CancelSearchAttributes.RequestedBy));
        }
    }

    private static List<string> NewIds(int count) => [.. Enumerable.Range(0, count).Select(i => $"pr-{Guid.NewGuid():N}"[..20] + $"-{i:D4}")];

    private static string NewPromoId() => $"promo-{Guid.NewGuid():N}";

    private static List<UnpaidHold> Holds(IEnumerable<string> ids) => [.. ids.Select(id => new UnpaidHold(id, null, null))];

    private static async Task<PromoProgress> StatusWhenAsync(WorkflowHandle<PromoExpiryWorkflow, PromoProgress> handle, Func<PromoProgress, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            // The newest run: continue-as-new keeps the workflow id.
            var status = await handle.Client.GetWorkflowHandle<PromoExpiryWorkflow>(handle.Id).QueryAsync(wf => wf.Status);
            if (condition(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"runs {status.Runs}, in flight {status.InFlight}, taken up {status.StartedThisRun}, carried {status.CarriedHolds}, unreadable {status.StatusUnreadable}");
            await Task.Delay(100);
        }
    }

    private static async Task<string> CurrentDetailsAsync(WorkflowHandle handle)
    {
        var metadata = await handle.Client.GetWorkflowHandle(handle.Id).QueryAsync<WorkflowMetadata>("__temporal_workflow_metadata", []);
        return metadata.CurrentDetails;
    }

    private Task ReleaseAsync(string holdId) =>
        devServer.Client.GetWorkflowHandle<StandInCancelWorkflow>(CancelWorkflowIds.For(holdId, null)).SignalAsync(wf => wf.ReleaseAsync());

    private TemporalWorker Worker(string holdsSourceUrl) =>
        new(devServer.Client, new TemporalWorkerOptions(taskQueue)
            .AddWorkflow<PromoExpiryWorkflow>()
            .AddWorkflow<StandInCancelWorkflow>()
            .AddAllActivities(holds)
            .AddAllActivities(CancelWorker.HoldsActivities(holdsSourceUrl)));

    private Task<WorkflowHandle<PromoExpiryWorkflow, PromoProgress>> StartPromoAsync(string promoId, int continueAsNewEvery = 1000, int maxParallel = 10) =>
        PromoRunStart.StartAsync(devServer.Client, taskQueue, promoId, continueAsNewEvery, maxParallel);
}
