using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace CancelWorkflows.Workflows.Tests.Promotions;

/// <summary>PromoExpiryWorkflow (C6) on the real dev server: a test HTTP server plays the booking service's holds
/// endpoint, the simulator plays Antom; every hold is cancelled once, paid holds are left alone.</summary>
[Collection(SecondDevServerCollection.Name)]
public sealed class PromoExpiryWorkflowTests(TemporalDevServerFixture devServer) : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();
    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    [Fact]
    public async Task RunAsync_C6_MixOverSeveralPages_EachHoldCancelledOnceAndPaidHoldsLeftAlone()
    {
        var holds = await MixedHoldsAsync();
        await using var source = await HoldsSource.StartAsync(Pages(holds.All, 2));
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, holdsSourceUrl: source.Url);

        var summary = await worker.ExecuteAsync(async () =>
        {
            var handle = await StartPromoAsync($"promo-{Guid.NewGuid():N}");
            var result = await handle.GetResultAsync();
            await HistoryCapture.SaveAsync(handle, "promo-expiry-mixed");
            await HistoryCapture.SaveAsync(devServer.Client.GetWorkflowHandle(CancelWorkflowIds.For(holds.Unpaid[0], null)), "close-at-outcome-promo-child-reports-by-result");
            return result;
        });

        Assert.True(summary.Completed, $"by outcome: {string.Join(", ", summary.ByOutcome)}; failed {summary.Failed}");
        Assert.True(3 == summary.PagesRead, $"pages {summary.PagesRead}, listed {summary.HoldsListed}, started {summary.Started}, by outcome: {string.Join(", ", summary.ByOutcome)}; already {summary.AlreadyHandled}; failed {summary.Failed}");
        Assert.Equal(holds.All.Count, summary.HoldsListed);
        Assert.Equal(holds.All.Count, summary.Started);
        Assert.True(holds.Unpaid.Count + holds.UThenS.Count == summary.ByOutcome[CancelOutcomes.Cancelled], $"by outcome: {string.Join(", ", summary.ByOutcome)}; failed {summary.Failed}");
        Assert.Equal(holds.AlreadyCancelled.Count, summary.ByOutcome[CancelOutcomes.AlreadyCancelled]);
        Assert.Equal(holds.Paid.Count + holds.Refused.Count, summary.ByOutcome[CancelOutcomes.NotCancellable]);
        Assert.Equal(holds.Paid.Count, summary.PaidLeftAlone);
        foreach (var id in holds.Unpaid.Concat(holds.UThenS))
        {
            var payment = (await antom.Control.GetPaymentAsync(id))!;
            Assert.Equal(1, payment.EffectiveCancels);
        }

        foreach (var id in holds.Paid)
        {
            var payment = (await antom.Control.GetPaymentAsync(id))!;
            Assert.Equal("SUCCESS", payment.PaymentStatus);
            Assert.DoesNotContain(payment.Calls, c => c.Api == "cancel");
        }

        // Each hold was counted by its child's result: no child signalled its run on the way to its close.
        foreach (var id in holds.All)
        {
            var history = await devServer.Client.GetWorkflowHandle(CancelWorkflowIds.For(id, null)).FetchHistoryAsync();
            Assert.DoesNotContain(history.Events, e => e.EventType == EventType.SignalExternalWorkflowExecutionInitiated);
        }
    }

    [Fact]
    public async Task RunAsync_SecondTrigger_CancelsNothingTwice()
    {
        var holds = await MixedHoldsAsync();
        await using var source = await HoldsSource.StartAsync(Pages(holds.All, 2));
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, holdsSourceUrl: source.Url);
        var promoId = $"promo-{Guid.NewGuid():N}";

        var (first, second) = await worker.ExecuteAsync(async () => (await RunPromoAsync(promoId), await RunPromoAsync(promoId)));

        Assert.Equal(holds.All.Count, first.Started);
        Assert.Equal(0, second.Started);
        Assert.Equal(holds.All.Count, second.AlreadyHandled);
        foreach (var id in holds.Unpaid.Concat(holds.UThenS))
        {
            Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
        }
    }

    [Fact]
    public async Task RunAsync_ContinueAsNewEveryTwoHolds_CountsCarriedAcrossRuns()
    {
        var ids = await UnpaidPaymentsAsync(7);

        await using var source = await HoldsSource.StartAsync(Pages(ids, 2));
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, holdsSourceUrl: source.Url);

        var summary = await worker.ExecuteAsync(() => RunPromoAsync($"promo-{Guid.NewGuid():N}", continueAsNewEvery: 2, maxParallel: 2));

        Assert.Equal(4, summary.Runs);
        Assert.Equal(4, summary.PagesRead);
        Assert.Equal(7, summary.HoldsListed);
        Assert.Equal(7, summary.ByOutcome[CancelOutcomes.Cancelled]);
    }

    /// <summary>One page larger than ContinueAsNewEvery (a holds source that ignores page sizes): each run starts at
    /// most ContinueAsNewEvery children and carries the rest of the page to the next; every hold is cancelled once.</summary>
    [Fact]
    public async Task RunAsync_C6_OnePageLargerThanContinueAsNewEvery_RestCarriedToTheNextRunAndEachHoldCancelledOnce()
    {
        var ids = await UnpaidPaymentsAsync(7);

        await using var source = await HoldsSource.StartAsync(Pages(ids, 7));
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, holdsSourceUrl: source.Url);

        var (summary, chain) = await worker.ExecuteAsync(async () =>
        {
            var handle = await StartPromoAsync($"promo-{Guid.NewGuid():N}", continueAsNewEvery: 3, maxParallel: 2);
            var result = await handle.GetResultAsync();
            var chain = await PromoRunChain.ReadAsync(devServer.Client, handle.Id, handle.FirstExecutionRunId!);
            await HistoryCapture.SaveAsync(chain.Runs[0], "promo-expiry-per-hold-carries");
            await HistoryCapture.SaveAsync(chain.Runs[^1], "promo-expiry-per-hold-takes-over");
            return (result, chain);
        });

        Assert.Equal([3, 3, 1], chain.ChildrenStartedPerRun.Select(r => r.Count));
        Assert.Equal((3, 1, 7, 7, 0), (summary.Runs, summary.PagesRead, summary.HoldsListed, summary.Started, summary.AlreadyHandled));
        Assert.Equal(7, summary.ByOutcome[CancelOutcomes.Cancelled]);
        Assert.Equal((1, 1), (summary.CarriedHolds, summary.StartedThisRun));
        foreach (var id in ids)
        {
            Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
        }
    }

    [Fact]
    public async Task RunAsync_HoldsSourceDownForAWhile_RetriedAndTheRunFinishes()
    {
        var ids = new List<string> { await PaymentAsync("PROCESSING"), await PaymentAsync("PROCESSING") };
        await using var source = await HoldsSource.StartAsync(Pages(ids, 1), failFirstCalls: 3);
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, holdsSourceUrl: source.Url);

        var summary = await worker.ExecuteAsync(() => RunPromoAsync($"promo-{Guid.NewGuid():N}"));

        Assert.Equal(2, summary.ByOutcome[CancelOutcomes.Cancelled]);
        Assert.True(source.Calls >= 4, $"{source.Calls} calls: 3 refused, then served");
    }

    [Fact]
    public async Task RunAsync_WorkerStoppedMidFanOut_NewWorkerFinishesEveryHoldOnce()
    {
        var ids = await UnpaidPaymentsAsync(6);

        foreach (var id in ids)
        {
            await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "delay", DelayMs = 300 });
        }

        await using var source = await HoldsSource.StartAsync(Pages(ids, 2));
        var promoId = $"promo-{Guid.NewGuid():N}";
        WorkflowHandle<PromoExpiryWorkflow, PromoProgress> handle;
        using (var first = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, holdsSourceUrl: source.Url))
        {
            handle = await first.ExecuteAsync(async () =>
            {
                var h = await StartPromoAsync(promoId, maxParallel: 2);
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
                PromoProgress mid;
                while ((mid = await h.QueryAsync(wf => wf.Status)).Started < 2 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                Assert.False(mid.Completed);
                Assert.True(mid.Finished < 6, $"stopped too late: {mid.Finished} finished");
                return h;
            });
        }

        using var second = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, holdsSourceUrl: source.Url);
        var summary = await second.ExecuteAsync(() => handle.GetResultAsync());

        Assert.Equal(6, summary.ByOutcome[CancelOutcomes.Cancelled]);
        foreach (var id in ids)
        {
            Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
        }
    }

    private static List<IReadOnlyList<UnpaidHold>> Pages(IReadOnlyList<string> ids, int pageSize) =>
        [.. ids.Chunk(pageSize).Select(chunk => (IReadOnlyList<UnpaidHold>)[.. chunk.Select(id => new UnpaidHold(id, $"BK-{id[^6..]}", new HoldAmount("USD", "1000")))])];

    private async Task<PromoProgress> RunPromoAsync(string promoId, int continueAsNewEvery = 1000, int maxParallel = 10) =>
        await (await StartPromoAsync(promoId, continueAsNewEvery, maxParallel)).GetResultAsync();

    private Task<WorkflowHandle<PromoExpiryWorkflow, PromoProgress>> StartPromoAsync(string promoId, int continueAsNewEvery = 1000, int maxParallel = 10) =>
        PromoRunStart.StartAsync(devServer.Client, taskQueue, promoId, continueAsNewEvery, maxParallel);

    private async Task<List<string>> UnpaidPaymentsAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await PaymentAsync("PROCESSING"));
        }

        return ids;
    }

    private async Task<string> PaymentAsync(string status)
    {
        var id = $"pr-{Guid.NewGuid():N}";
        await antom.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = status,
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-2),
            PaymentTime = status == "SUCCESS" ? DateTimeOffset.UtcNow.AddMinutes(-1) : null,
        });
        return id;
    }

    private async Task<MixedHolds> MixedHoldsAsync()
    {
        var holds = new MixedHolds(
            [await PaymentAsync("PROCESSING"), await PaymentAsync("PROCESSING")],
            [await PaymentAsync("PROCESSING")],
            [await PaymentAsync("PROCESSING")],
            [await PaymentAsync("CANCELLED")],
            [await PaymentAsync("SUCCESS")]);
        await antom.Control.QueueFaultsAsync(holds.UThenS[0], new SimFault { Kind = "U" });
        await antom.Control.QueueFaultsAsync(holds.Refused[0], new SimFault { Kind = "F", ResultCode = "CANCEL_WINDOW_EXCEED" });
        return holds;
    }

    private sealed record MixedHolds(List<string> Unpaid, List<string> UThenS, List<string> Refused, List<string> AlreadyCancelled, List<string> Paid)
    {
        public List<string> All => [.. Unpaid, .. UThenS, .. Refused, .. AlreadyCancelled, .. Paid];
    }
}
