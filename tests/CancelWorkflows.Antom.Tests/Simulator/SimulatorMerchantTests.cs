using System.Net;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>Payments belong to the merchant (client id) that created them; another merchant meets them as Antom would meet an
/// unknown payment, and notifications carry the owner's client id.</summary>
public sealed class SimulatorMerchantTests
{
    private const string MerchantB = "MERCHANT_B";
    private static readonly Lazy<(string Private, string Public)> KeysB = new(SimulatorHarness.NewPair);

    [Fact]
    public async Task AntomApis_PaymentOfMerchantA_MerchantBGetsOrderNotExistEverywhere_AndChangesNothing()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Merchants[MerchantB] = KeysB.Value.Public);
        var id = SimulatorHarness.NewId("owned-by-a");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(DateTimeOffset.UtcNow.AddMinutes(-5)) with { ClientId = SimulatorHarness.ClientId });
        var a = sim.Client();
        var b = sim.Client(clientId: MerchantB, merchantPrivatePem: KeysB.Value.Private);
        var refundedByA = await a.RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-a-" + id, "100"));

        var cancel = await b.CancelAsync(SimulatorHarness.Cancel(id));
        var inquiry = await b.InquiryPaymentAsync(new InquiryPaymentRequest(created.PaymentId, null));
        var refund = await b.RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-b-" + id, "100"));
        var sameRefundAgain = await b.RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-a-" + id, "100"));
        var inquiryRefund = await b.InquiryRefundAsync(new InquiryRefundRequest("rr-a-" + id, null));

        Assert.Equal("S", refundedByA.Answer?.Result.ResultStatus);
        Assert.All(
            [cancel.Answer?.Result, inquiry.Answer?.Result, refund.Answer?.Result, sameRefundAgain.Answer?.Result, inquiryRefund.Answer?.Result],
            result => Assert.Equal(("F", "ORDER_NOT_EXIST"), (result?.ResultStatus, result?.ResultCode)));
        Assert.Null(inquiryRefund.Answer!.RefundId); // nothing about A's refund leaks
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((SimulatorHarness.ClientId, "SUCCESS", 0, 1, "100"), (view.ClientId, view.PaymentStatus, view.EffectiveCancels, view.EffectiveRefunds, view.RefundedTotal.Value));
        Assert.Equal(5, view.Calls.Count(c => c.ClientId == MerchantB && c.ResultCode == "ORDER_NOT_EXIST"));
        Assert.Equal("S", (await a.InquiryPaymentAsync(new InquiryPaymentRequest(created.PaymentId, null))).Answer?.Result.ResultStatus); // A still sees it
    }

    [Fact]
    public async Task PutPayment_NoClientId_BelongsToTheOneConfiguredMerchant()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var view = await sim.Control.PutPaymentAsync(SimulatorHarness.NewId("default-owner"), SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        Assert.Equal(SimulatorHarness.ClientId, view.ClientId);
    }

    [Fact]
    public async Task PutPayment_NoClientIdAmongTwoMerchantsWithoutADefault_Returns400NamingTheSetting()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Merchants[MerchantB] = KeysB.Value.Public);
        var id = SimulatorHarness.NewId("no-owner");

        var e = await Assert.ThrowsAsync<SimulatorControlException>(() => sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("Simulator:DefaultClientId", e.Detail, StringComparison.Ordinal);
        Assert.Null(await sim.Control.GetPaymentAsync(id));
    }

    [Fact]
    public async Task PutPayment_NoClientId_BelongsToTheConfiguredDefault()
    {
        await using var sim = await SimulatorHarness.StartAsync(o =>
        {
            o.Merchants[MerchantB] = KeysB.Value.Public;
            o.DefaultClientId = MerchantB;
        });

        var view = await sim.Control.PutPaymentAsync(SimulatorHarness.NewId("configured-owner"), SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        Assert.Equal(MerchantB, view.ClientId);
    }

    [Theory]
    [InlineData("""{"clientId":"A","merchant":"B"}""", "name different merchants")]
    [InlineData("""{"clientId":"has space"}""", "clientId must be")]
    [InlineData("""{"merchant":""}""", "merchant must be")]
    [InlineData("""{"refundMode":"later"}""", "refundMode 'later'")]
    public async Task PutPayment_BadOwnerOrRefundMode_Returns400AndCreatesNothing(string extra, string reason)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var body = """{"paymentMethodType":"ALIPAY_CN","paymentStatus":"SUCCESS","paymentAmount":{"currency":"USD","value":"100"},""" + extra[1..];

        var response = await sim.Raw().PutAsync("sim/v1/payments/bad-owner", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await sim.Control.GetPaymentAsync("bad-owner"));
    }

    [Fact]
    public async Task SendNotification_CarriesThePaymentsClientId_SignedWithTheAntomKey()
    {
        await using var receiver = await NotificationReceiver.AcknowledgingAsync();
        await using var sim = await SimulatorHarness.StartAsync(o => o.Merchants[MerchantB] = KeysB.Value.Public);
        var id = SimulatorHarness.NewId("owned-by-b");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { ClientId = MerchantB });
        await sim.Client().InquiryPaymentAsync(new InquiryPaymentRequest(null, id)); // a call from another merchant does not make it theirs

        await sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS", Url = receiver.Url.ToString() });

        Assert.True(await SimulatorHarness.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count == 1), TimeSpan.FromSeconds(10)));
        var got = receiver.Deliveries[0];
        Assert.Equal(MerchantB, got.ClientId);
        using var antomPublic = SimulatorHarness.PublicKey(await sim.Control.GetAntomPublicKeyPemAsync());
        Assert.True(AntomSignature.Verify(antomPublic, NotificationReceiver.Path, got.ClientId, got.RequestTime, got.Body, got.Signature));
    }

    [Fact]
    public async Task Refund_MerchantBsClientIdSignedWithMerchantAsKey_InvalidSignature_AndChangesNothing()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Merchants[MerchantB] = KeysB.Value.Public);
        var id = SimulatorHarness.NewId("b-impostor");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(DateTimeOffset.UtcNow.AddMinutes(-5)) with { ClientId = MerchantB });

        // Another trusted merchant's key is still not B's: B's client id must be signed with B's own key.
        var impostor = sim.Client(clientId: MerchantB, merchantPrivatePem: SimulatorHarness.MerchantPrivatePem);
        var refund = await impostor.RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-" + id, "100"));
        var cancel = await impostor.CancelAsync(SimulatorHarness.Cancel(id));

        Assert.True(refund.Answered, refund.Detail);
        Assert.Equal(("F", "INVALID_SIGNATURE"), (refund.Answer.Result.ResultStatus, refund.Answer.Result.ResultCode));
        Assert.Equal(("F", "INVALID_SIGNATURE"), (cancel.Answer?.Result.ResultStatus, cancel.Answer?.Result.ResultCode));
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal(("SUCCESS", 0, 0, "0"), (view.PaymentStatus, view.EffectiveCancels, view.EffectiveRefunds, view.RefundedTotal.Value));
        Assert.All(view.Calls, c => Assert.Equal("INVALID_SIGNATURE", c.ResultCode));
        var byB = await sim.Client(clientId: MerchantB, merchantPrivatePem: KeysB.Value.Private).RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-" + id, "100"));
        Assert.Equal("S", byB.Answer?.Result.ResultStatus); // the same request id was never taken: B's own key refunds once
    }

    [Fact]
    public async Task Refund_RF6_ByMerchantB_NotifyRefundCarriesBsClientId_SignedWithTheAntomKey()
    {
        await using var receiver = await NotificationReceiver.AcknowledgingAsync();
        await using var sim = await SimulatorHarness.StartAsync(o => o.Merchants[MerchantB] = KeysB.Value.Public);
        var id = SimulatorHarness.NewId("b-refund");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(DateTimeOffset.UtcNow.AddMinutes(-5)) with { ClientId = MerchantB });

        var call = await sim.Client(clientId: MerchantB, merchantPrivatePem: KeysB.Value.Private)
            .RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-" + id, "100", notifyUrl: receiver.Url.ToString()));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
        Assert.True(await SimulatorHarness.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count == 1), TimeSpan.FromSeconds(10)));
        var got = receiver.Deliveries[0];
        Assert.Equal(MerchantB, got.ClientId);
        using var antomPublic = SimulatorHarness.PublicKey(await sim.Control.GetAntomPublicKeyPemAsync());
        Assert.True(AntomSignature.Verify(antomPublic, NotificationReceiver.Path, got.ClientId, got.RequestTime, got.Body, got.Signature));
        var notice = AntomJson.Deserialize<RefundNotification>(got.Body)!;
        Assert.Equal((NotifyTypes.RefundResult, "SUCCESS", "rr-" + id, call.Answer!.RefundId), (notice.NotifyType, notice.RefundStatus, notice.RefundRequestId, notice.RefundId));
        Assert.Equal(1, (await sim.Control.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    [Fact]
    public async Task StartAsync_BadDefaultClientId_FailsNamingTheSetting()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHarness.StartAsync(o => o.DefaultClientId = "two words"));

        Assert.Contains("Simulator:DefaultClientId", e.Message, StringComparison.Ordinal);
    }
}
