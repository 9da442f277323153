using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>notifyPayment / notifyRefund: signed with the simulator's key, Antom's retry schedule (×0.001), C4/C5.</summary>
public sealed class SimulatorNotificationTests
{
    [Fact]
    public async Task SendNotification_PaymentSuccess_DeliversABodySignedWithTheSimulatorKey()
    {
        await using var receiver = await NotificationReceiver.AcknowledgingAsync();
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("signed");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        var delivery = await sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS", Url = receiver.Url.ToString() });

        Assert.True(await SimulatorHarness.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count == 1), TimeSpan.FromSeconds(5)));
        var got = receiver.Deliveries[0];
        using var antomPublic = SimulatorHarness.PublicKey(await sim.Control.GetAntomPublicKeyPemAsync());
        Assert.True(AntomSignature.Verify(antomPublic, NotificationReceiver.Path, got.ClientId, got.RequestTime, got.Body, got.Signature));
        Assert.False(AntomSignature.Verify(antomPublic, "/other/path", got.ClientId, got.RequestTime, got.Body, got.Signature));
        Assert.Equal(SimulatorHarness.ClientId, got.ClientId); // the only trusted merchant
        var body = AntomJson.Deserialize<PaymentNotification>(got.Body)!;
        Assert.Equal((NotifyTypes.PaymentResult, "S", "SUCCESS"), (body.NotifyType, body.Result?.ResultStatus, body.Result?.ResultCode));
        Assert.Equal((id, created.PaymentId), (body.PaymentRequestId, body.PaymentId));
        Assert.Equal(("payment", "S"), (delivery.Type, delivery.ResultStatus));
        Assert.True(await SimulatorHarness.EventuallyAsync(async () => (await sim.Control.GetDeliveriesAsync(id))[0].Acknowledged, TimeSpan.FromSeconds(5)));
        Assert.Equal("SUCCESS", (await sim.Control.GetPaymentAsync(id))!.PaymentStatus);
    }

    [Fact]
    public async Task SendNotification_ReceiverFailsTwice_RetriedOnScheduleUntilAcknowledgedThenNotAgain()
    {
        // Attempt 1: HTTP 500. Attempt 2: HTTP 200 but not the success body. Attempt 3: the exact acknowledgement.
        await using var receiver = await NotificationReceiver.StartAsync(attempt => attempt switch
        {
            1 => (500, "{}"),
            2 => (200, "{\"result\":{\"resultCode\":\"UNKNOWN_EXCEPTION\",\"resultStatus\":\"U\",\"resultMessage\":\"later\"}}"),
            _ => (200, NotificationReceiver.SuccessBody),
        });
        await using var sim = await SimulatorHarness.StartAsync(o => o.NotifyUrl = receiver.Url.ToString()); // default target
        var id = SimulatorHarness.NewId("retry");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        await sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "FAIL" });

        Assert.True(await SimulatorHarness.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count >= 3), TimeSpan.FromSeconds(10)));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the 4th attempt would come 600 ms (10 min × 0.001) after the 3rd
        var got = receiver.Deliveries;
        Assert.Equal(3, got.Count);
        Assert.InRange(got[1].At - got[0].At, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)); // 2 min × 0.001
        Assert.InRange(got[2].At - got[1].At, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(3)); // 10 min × 0.001
        Assert.All(got, g => Assert.Equal(got[0].Body, g.Body)); // the same notification each time
        var delivery = Assert.Single(await sim.Control.GetDeliveriesAsync(id));
        Assert.True(delivery.Acknowledged);
        Assert.True(delivery.Finished);
        Assert.Equal([500, 200, 200], delivery.Attempts.Select(a => a.HttpStatus));
        Assert.Equal([false, false, true], delivery.Attempts.Select(a => a.Acknowledged));
        var body = AntomJson.Deserialize<PaymentNotification>(got[0].Body)!;
        Assert.Equal("F", body.Result?.ResultStatus);
        Assert.Equal("FAIL", (await sim.Control.GetPaymentAsync(id))!.PaymentStatus);
    }

    [Fact]
    public async Task SendNotification_C5PaidAfterCancel_StaysCancelledAndRefundIsVisibleAndNotified()
    {
        await using var receiver = await NotificationReceiver.AcknowledgingAsync();
        await using var sim = await SimulatorHarness.StartAsync(o => o.NotifyUrl = receiver.Url.ToString());
        var id = SimulatorHarness.NewId("late-success");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        var client = sim.Client();
        Assert.Equal("S", (await client.CancelAsync(SimulatorHarness.Cancel(id))).Answer?.Result.ResultStatus);

        await sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS" });
        await sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS" }); // a duplicate

        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal(("CANCELLED", 1), (view!.PaymentStatus, view.EffectiveCancels)); // C4
        var refund = Assert.Single(view.Refunds); // one full refund, not one per notification
        Assert.Equal(("paidAfterCancel", "SUCCESS", "1250"), (refund.Reason, refund.RefundStatus, refund.RefundAmount.Value));
        var inquiryRefund = await client.InquiryRefundAsync(new InquiryRefundRequest(refund.RefundRequestId, null));
        Assert.Equal(("S", "SUCCESS", refund.RefundId), (inquiryRefund.Answer?.Result.ResultStatus, inquiryRefund.Answer?.RefundStatus, inquiryRefund.Answer?.RefundId));
        var inquiry = await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, id));
        Assert.Equal("CANCELLED", inquiry.Answer?.PaymentStatus);
        Assert.Contains(inquiry.Answer!.Transactions!, t => t.TransactionType == "REFUND" && t.TransactionId == refund.RefundId);
        var repeated = await client.CancelAsync(SimulatorHarness.Cancel(id));
        Assert.Equal("S", repeated.Answer?.Result.ResultStatus); // the cancel-refund is not a merchant refund (N1 does not apply)

        await sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "refund", Status = "SUCCESS" });

        Assert.True(await SimulatorHarness.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count == 3), TimeSpan.FromSeconds(5)));
        var refundNotice = AntomJson.Deserialize<RefundNotification>(receiver.Deliveries.Single(d => d.Attempt == 3).Body)!;
        Assert.Equal((NotifyTypes.RefundResult, "SUCCESS", refund.RefundId, refund.RefundRequestId), (refundNotice.NotifyType, refundNotice.RefundStatus, refundNotice.RefundId, refundNotice.RefundRequestId));
        Assert.Equal((id, "1250"), (refundNotice.PaymentRequestId, refundNotice.RefundAmount?.Value));
    }

    [Fact]
    public async Task SendNotification_NoUrlAndNoDefault_Returns400()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("no-url");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        var e = await Assert.ThrowsAsync<SimulatorControlException>(() => sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS" }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("NotifyUrl", e.Detail, StringComparison.Ordinal);
        Assert.Equal("PROCESSING", (await sim.Control.GetPaymentAsync(id))!.PaymentStatus);
    }

    [Fact]
    public async Task SendNotification_SuccessForFailedPayment_Returns409AndChangesNothing()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.NotifyUrl = "http://127.0.0.1:9/unused");
        var id = SimulatorHarness.NewId("contradiction");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { PaymentStatus = "FAIL" });

        var e = await Assert.ThrowsAsync<SimulatorControlException>(() => sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS" }));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, e.StatusCode);
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal("FAIL", view!.PaymentStatus);
        Assert.Empty(view.Deliveries);
    }
}
