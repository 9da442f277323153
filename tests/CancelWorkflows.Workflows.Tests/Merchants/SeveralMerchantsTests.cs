using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using CancelWorkflows.Workflows.Tests.Promotions;
using Temporalio.Client;
using static CancelWorkflows.Workflows.Tests.Infrastructure.StatusWaits;

namespace CancelWorkflows.Workflows.Tests.Merchants;

/// <summary>
/// Several Antom merchants on the real dev server, the real activities and a simulator that trusts two merchants, each with
/// its own key pair, and holds each payment for its owner: a cancellation goes out as the merchant it names (client id,
/// key), under that merchant's contract windows, and ignores a notification verified for another merchant.
/// </summary>
[Collection(SecondDevServerCollection.Name)]
public sealed class SeveralMerchantsTests(TemporalDevServerFixture devServer) : IAsyncLifetime
{
    private const string BrandB = "brand-b";

    private readonly SimulatedAntom antom = new(secondMerchant: true);
    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    [Fact]
    public async Task RunAsync_TwoMerchants_EachCancellationGoesOutAsItsMerchant_TheSimulatorSeesEachClientId()
    {
        var ofDefault = await PutPaidAsync(SimulatedAntom.ClientId, "ALIPAY_CN", TimeSpan.FromMinutes(1));
        var ofBrandB = await PutPaidAsync(SimulatedAntom.SecondClientId, "ALIPAY_CN", TimeSpan.FromMinutes(1));

        var (statusA, statusB) = await RunBothAsync(Request(ofDefault, null), Request(ofBrandB, BrandB), brandBPolicy: null, captureBAs: "close-at-outcome-cancelled-as-another-merchant");

        Assert.True(CancelOutcomes.Cancelled == statusA.Outcome, Story(statusA));
        Assert.True(CancelOutcomes.Cancelled == statusB.Outcome, Story(statusB));
        Assert.Equal(BrandB, statusB.AntomMerchant);
        var paymentA = (await antom.Control.GetPaymentAsync(ofDefault))!;
        var paymentB = (await antom.Control.GetPaymentAsync(ofBrandB))!;
        Assert.Equal(1, paymentA.EffectiveCancels);
        Assert.Equal(1, paymentB.EffectiveCancels);
        Assert.All(paymentA.Calls, c => Assert.Equal(SimulatedAntom.ClientId, c.ClientId));
        Assert.All(paymentB.Calls, c => Assert.Equal(SimulatedAntom.SecondClientId, c.ClientId));
        Assert.Contains(paymentB.Calls, c => c.Api == "cancel");
    }

    [Fact]
    public async Task RunAsync_W3_BrandBsContractNarrowsTheCardWindow_NotCancellableWhereTheDefaultMerchantCancels()
    {
        // An uncaptured card paid two days ago: inside Antom's 7 days (W3), outside brand B's contract of one day.
        var ofDefault = await PutPaidAsync(SimulatedAntom.ClientId, "CARD", TimeSpan.FromDays(2));
        var ofBrandB = await PutPaidAsync(SimulatedAntom.SecondClientId, "CARD", TimeSpan.FromDays(2));
        var brandBWindows = CancelWindows.Narrowed(CancelWindows.Antom with { CardWindow = TimeSpan.FromDays(1) });

        var (statusA, statusB) = await RunBothAsync(
            Request(ofDefault, null), Request(ofBrandB, BrandB), CancelPolicy.Default with { Windows = brandBWindows });

        Assert.True(CancelOutcomes.Cancelled == statusA.Outcome, Story(statusA));
        Assert.True(CancelOutcomes.NotCancellable == statusB.Outcome, Story(statusB));
        Assert.Equal("W3", statusB.EligibilityRule);
        Assert.Empty(statusB.Attempts);
        var paymentB = (await antom.Control.GetPaymentAsync(ofBrandB))!;
        Assert.DoesNotContain(paymentB.Calls, c => c.Api == "cancel");
    }

    [Fact]
    public async Task Signals_PaymentNotifiedVerifiedForAnotherMerchant_IgnoredAndRecordedTheRightMerchantsIsTaken()
    {
        // Brand B's cancellation waits a minute between U answers: room for the notifications.
        var ofBrandB = await PutPaidAsync(SimulatedAntom.SecondClientId, "ALIPAY_CN", TimeSpan.FromMinutes(1));
        await antom.Control.QueueFaultsAsync(ofBrandB, new SimFault { Kind = "U", Count = 4 });
        var request = Request(ofBrandB, BrandB) with
        {
            Settings = CancelWorker.FastSettings() with { RetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)] },
        };
        using var worker = Worker(null);
        await worker.ExecuteAsync(async () =>
        {
            var handle = await devServer.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(request), CancelWorker.StartOptions(CancelWorkflowIds.For(request), taskQueue));
            await WaitForAsync(handle, s => s.Attempts.Count == 1);

            // Same paymentRequestId, verified with the default merchant's key: another merchant's payment.
            await handle.SignalPaymentNotifiedAsync(Success(ofBrandB, "n-other-merchant", AntomMerchants.DefaultName));
            var ignored = await WaitForAsync(handle, s => s.IgnoredSignals == 1);
            Assert.Empty(ignored.Notifications);
            Assert.False(ignored.LateSuccess);
            Assert.Contains(ignored.Steps, s => s.Name == "signal ignored" && s.Detail.Contains("verified for Antom merchant default", StringComparison.Ordinal));

            await handle.SignalPaymentNotifiedAsync(Success(ofBrandB, "n-brand-b", BrandB));
            var taken = await WaitForAsync(handle, s => s.Notifications.Count == 1);
            Assert.Equal(1, taken.IgnoredSignals);
            await handle.TerminateAsync("test done");
        });
    }

    [Fact]
    public async Task Trigger_C6_APromotionOfBrandB_CancelsItsUnpaidHoldsAsBrandB()
    {
        var hold = SimulatedAntom.NewPaymentId();
        await antom.Control.PutPaymentAsync(hold, new SimPaymentInput
        {
            ClientId = SimulatedAntom.SecondClientId,
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "PROCESSING",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        await using var source = await HoldsSource.StartAsync([[new UnpaidHold(hold, "B-1", null)]]);
        using var worker = CancelWorker.Create(
            devServer.Client,
            taskQueue,
            antom.Client,
            holdsSourceUrl: source.Url,
            otherMerchants: [new AntomMerchant(BrandB, antom.SecondClient, CancelPolicy.Default)]);

        var progress = await worker.ExecuteAsync(async () =>
            await (await PromoRunStart.StartAsync(devServer.Client, taskQueue, $"promo-{Guid.NewGuid():N}", 1000, 10, BrandB)).GetResultAsync());

        Assert.Equal(1, progress.ByOutcome[CancelOutcomes.Cancelled]);
        var payment = (await antom.Control.GetPaymentAsync(hold))!;
        Assert.Equal((1, "CANCELLED"), (payment.EffectiveCancels, payment.PaymentStatus));
        Assert.All(payment.Calls, c => Assert.Equal(SimulatedAntom.SecondClientId, c.ClientId));
    }

    private static PaymentNotice Success(string paymentRequestId, string notificationId, string merchant) =>
        new("PAYMENT_RESULT", "S", "SUCCESS", paymentRequestId, null, "USD", "1000", null, notificationId, merchant);

    private static CancelPaymentRequest Request(string paymentRequestId, string? merchant) => new()
    {
        PaymentRequestId = paymentRequestId,
        Reason = "test",
        AntomMerchant = merchant,
        Settings = CancelWorker.FastSettings(),
    };

    private CancelWorkers Worker(CancelPolicy? brandBPolicy) => CancelWorker.Create(
        devServer.Client,
        taskQueue,
        antom.Client,
        otherMerchants: [new AntomMerchant(BrandB, antom.SecondClient, brandBPolicy ?? CancelPolicy.Default)]);

    private async Task<(CancelStatus A, CancelStatus B)> RunBothAsync(CancelPaymentRequest a, CancelPaymentRequest b, CancelPolicy? brandBPolicy, string? captureBAs = null)
    {
        using var worker = Worker(brandBPolicy);
        return await worker.ExecuteAsync(async () =>
        {
            var handleA = await StartAsync(a);
            var handleB = await StartAsync(b);
            var result = (await handleA.GetResultAsync(), await handleB.GetResultAsync());
            if (captureBAs is not null)
            {
                await HistoryCapture.SaveAsync(handleB, captureBAs);
            }

            return result;
        });
    }

    private Task<WorkflowHandle<CancelPaymentWorkflow, CancelStatus>> StartAsync(CancelPaymentRequest request) =>
        devServer.Client.StartWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(request),
            CancelWorker.StartOptions(CancelWorkflowIds.For(request), taskQueue));

    private async Task<string> PutPaidAsync(string owner, string method, TimeSpan paidAgo)
    {
        var id = SimulatedAntom.NewPaymentId();
        var paidAt = DateTimeOffset.UtcNow - paidAgo;
        await antom.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            ClientId = owner,
            PaymentMethodType = method,
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = paidAt.AddMinutes(-1),
            PaymentTime = paidAt,
        });
        return id;
    }
}
