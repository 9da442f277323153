using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Tests.Infrastructure;

namespace CancelWorkflows.Workflows.Tests.Promotions;

/// <summary>
/// End to end, with the real cancel workflow as the child and the simulator as Antom, on the time-skipping server (the
/// eligibility inquiry is retried for about a minute before it is given up): a hold whose payment status Antom cannot
/// give is never cancelled blind, is counted apart, and the next trigger of the promotion cancels it once Antom answers.
/// </summary>
public sealed class PromoExpiryUnreadableHoldTests : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    [Fact]
    public async Task Trigger_C6_HoldWhoseInquiryAnswersU_NotCancelledCountedApart_NextTriggerCancelsItOnce()
    {
        await using var env = await TimeSkippingServer.StartAsync();
        var unreadable = await antom.UnpaidPaymentAsync();
        var readable = await antom.UnpaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(unreadable, new SimFault { Kind = "U", Api = "inquiryPayment", Count = 100 });
        await using var source = await HoldsSource.StartAsync([[new UnpaidHold(unreadable, "B-1", null), new UnpaidHold(readable, "B-2", null)]]);
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = CancelWorker.Create(env.Client, taskQueue, antom.Client, holdsSourceUrl: source.Url);
        var promoId = $"promo-{Guid.NewGuid():N}";

        var (first, second) = await worker.ExecuteAsync(async () =>
        {
            var first = await (await PromoRunStart.StartAsync(env.Client, taskQueue, promoId, 1000, 10)).GetResultAsync();
            await antom.Control.ClearFaultsAsync(unreadable);
            var second = await (await PromoRunStart.StartAsync(env.Client, taskQueue, promoId, 1000, 10)).GetResultAsync();
            return (first, second);
        });

        Assert.Equal((2, 1, 0), (first.Started, first.StatusUnreadable, first.Failed));
        Assert.Equal(1, first.ByOutcome[CancelOutcomes.Cancelled]);
        Assert.Equal((1, 1, 0), (second.Started, second.AlreadyHandled, second.StatusUnreadable));
        Assert.Equal(1, second.ByOutcome[CancelOutcomes.Cancelled]);
        var payment = (await antom.Control.GetPaymentAsync(unreadable))!;
        Assert.Equal((1, "CANCELLED"), (payment.EffectiveCancels, payment.PaymentStatus));
        Assert.Single(payment.Calls, c => c.Api == "cancel");
        Assert.Equal(1, (await antom.Control.GetPaymentAsync(readable))!.EffectiveCancels);
    }
}
