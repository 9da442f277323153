using System.Net;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary><c>fallback: "refund"</c> over real HTTP, in dev mode: it reaches the workflow, which refunds a paid payment past its
/// cancel window in full instead (the refusal of a bad value is in <see cref="ValidationApiTests"/>).</summary>
[Collection(ApiCollection.Name)]
public sealed class RefundFallbackApiTests(ApiDevMode api)
{
    [Fact]
    public async Task Start_FallbackRefund_PastTheCancelWindow_RefundedOnceAndAnsweredWithTheRefund()
    {
        var id = await PaidTwoDaysAgoAsync();

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id, reason = "too late to cancel", fallback = "refund" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.True("Refunded" == status.Outcome(), status.ToJsonString());
        Assert.Equal("W5", (string?)status["eligibilityRule"]);
        var refund = status["refundFallback"]!;
        Assert.Equal("Succeeded", (string?)refund["state"]);
        Assert.Equal($"refund-cancel-{id}", (string?)refund["refundRequestId"]);
        Assert.Equal("2500", (string?)refund["value"]);
        var payment = (await api.Dev.Simulator.GetPaymentAsync(id))!;
        Assert.Equal(1, payment.EffectiveRefunds);
        Assert.Equal("2500", payment.RefundedTotal.Value);
        var description = await api.Temporal.GetWorkflowHandle($"cancel-{id}").DescribeAsync();
        Assert.Equal("Refunded", description.TypedSearchAttributes.Get(CancelSearchAttributes.CancelOutcome));
    }

    [Fact]
    public async Task Start_NoFallback_PastTheCancelWindow_NotCancellableNoRefund()
    {
        var id = await PaidTwoDaysAgoAsync();

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id, fallback = "none" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.Equal("NotCancellable", status.Outcome());
        Assert.Null(status["refundFallback"]);
        Assert.Equal(0, (await api.Dev.Simulator.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    /// <summary>An ALIPAY_CN payment paid two days ago: past its W5 cancel window, inside its refund period.</summary>
    private async Task<string> PaidTwoDaysAgoAsync()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var paidAt = DateTimeOffset.UtcNow.AddDays(-2);
        await api.Dev.Simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "2500"),
            CreateTime = paidAt.AddMinutes(-1),
            PaymentTime = paidAt,
        });
        return id;
    }
}
