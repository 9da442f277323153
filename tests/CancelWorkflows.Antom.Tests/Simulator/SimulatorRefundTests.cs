using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Domain;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>refund through the real Antom client over loopback HTTP (docs/rules.md RF1–RF6), classified by the Domain.</summary>
public sealed class SimulatorRefundTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Refund_RF6_PaidPayment_AnswersSWithTheRefundAndRecordsOneEffectiveRefund()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var (id, paymentId) = await PaidAsync(sim, "refund-s");

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund(paymentId, "rr-" + id));

        Assert.True(call.Answered, call.Detail);
        Assert.Equal(RefundAnswerKind.Refunded, Classify(call).Kind);
        var answer = call.Answer;
        Assert.Equal(("rr-" + id, paymentId, new AntomAmount("USD", "1250"), "2026-03-10T12:00:00+08:00"), (answer.RefundRequestId, answer.PaymentId, answer.RefundAmount, answer.RefundTime));
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((1, new AntomAmount("USD", "1250"), "SUCCESS"), (view.EffectiveRefunds, view.RefundedTotal, view.PaymentStatus)); // a refund leaves SUCCESS
        var refund = Assert.Single(view.Refunds);
        Assert.Equal((answer.RefundId, "api", "SUCCESS"), (refund.RefundId, refund.Reason, refund.RefundStatus));
        var logged = Assert.Single(view.Calls);
        Assert.Equal(("refund", "S", "SUCCESS", true), (logged.Api, logged.ResultStatus, logged.ResultCode, logged.Effective));
    }

    [Fact]
    public async Task Refund_RF1_SameRefundRequestIdTwice_OneRefundAndTheSameAnswer()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var (id, paymentId) = await PaidAsync(sim, "refund-twice");
        var client = sim.Client();
        var request = SimulatorHarness.Refund(paymentId, "rr-" + id, "500");

        var first = await client.RefundAsync(request);
        await sim.Control.SetClockAsync(Now.AddHours(1));
        var second = await client.RefundAsync(request);

        Assert.Equal("S", second.Answer?.Result.ResultStatus);
        Assert.Equal(first.Answer, second.Answer); // same refundId, same refundTime
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((1, "500"), (view.EffectiveRefunds, view.RefundedTotal.Value));
        Assert.Single(view.Calls, c => c.Effective);
    }

    [Fact]
    public async Task Refund_RF1_UUThenSWithTheSameRequest_OneRefund()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-uus");
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 2, Api = "refund" });
        var client = sim.Client();
        var request = SimulatorHarness.Refund(paymentId, "rr-" + id);

        var first = await client.RefundAsync(request);
        var afterFirst = (await sim.Control.GetPaymentAsync(id))!;
        var second = await client.RefundAsync(request);
        var third = await client.RefundAsync(request);

        Assert.Equal((RefundAnswerKind.Unknown, true), (Classify(first).Kind, Classify(first).Retry));
        Assert.Equal((0, "0"), (afterFirst.EffectiveRefunds, afterFirst.RefundedTotal.Value)); // a U changed nothing
        Assert.Equal(RefundAnswerKind.Unknown, Classify(second).Kind);
        Assert.Equal(RefundAnswerKind.Refunded, Classify(third).Kind);
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((1, "1250"), (view.EffectiveRefunds, view.RefundedTotal.Value));
        Assert.Equal(["U", "U", null], view.Calls.Select(c => c.FaultApplied));
    }

    [Fact]
    public async Task Refund_RF1_AnswerLostAfterTheRefundThenResent_OneRefundAndSAgain()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-lost");
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "drop", ProcessFirst = true, Api = "refund" });
        var client = sim.Client();
        var request = SimulatorHarness.Refund(paymentId, "rr-" + id);

        var lost = await client.RefundAsync(request);
        var resent = await client.RefundAsync(request);

        Assert.Equal(NoAnswerReason.ConnectionFailed, lost.NoAnswer);
        Assert.Equal(RefundAnswerKind.Unknown, RefundAnswerClassifier.NoAnswer(lost.Detail!).Kind);
        Assert.Equal(RefundAnswerKind.Refunded, Classify(resent).Kind);
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((1, "1250"), (view.EffectiveRefunds, view.RefundedTotal.Value));
        Assert.True(view.Calls[0].Effective); // the lost answer was the refund
        Assert.Equal(view.Refunds[0].RefundId, resent.Answer!.RefundId);
    }

    [Theory]
    [InlineData("http500", NoAnswerReason.ServerError, 0)]
    [InlineData("badSignature", NoAnswerReason.UnverifiableAnswer, 1)] // processed, only the answer cannot be trusted
    public async Task Refund_RF1_NoUsableAnswer_NeverBecomesSOrF(string kind, NoAnswerReason reason, int refunds)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-" + kind);
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = kind, Api = "refund" });

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund(paymentId, "rr-" + id));

        Assert.False(call.Answered);
        Assert.Equal(reason, call.NoAnswer);
        Assert.Equal(refunds, (await sim.Control.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    [Fact]
    public async Task Refund_RF1_DelayLongerThanTheTimeout_IsATimeout()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-delay");
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "delay", DelayMs = 3000, Api = "refund" });

        var call = await sim.Client(timeout: TimeSpan.FromMilliseconds(300)).RefundAsync(SimulatorHarness.Refund(paymentId, "rr-" + id));

        Assert.Equal(NoAnswerReason.Timeout, call.NoAnswer);
    }

    [Fact]
    public async Task Refund_FaultForRefundOnly_LeavesCancelAndInquiryAlone_AndACancelFaultLeavesRefundAlone()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-targeted");
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "F", ResultCode = "MERCHANT_BALANCE_NOT_ENOUGH", Api = "refund" }, new SimFault { Kind = "U" });
        var client = sim.Client();

        var inquiry = await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, id));
        var refund = await client.RefundAsync(SimulatorHarness.Refund(paymentId, "rr-" + id, "100"));
        var cancel = await client.CancelAsync(SimulatorHarness.Cancel(id)); // the default api of a fault is cancel
        var refundAgain = await client.RefundAsync(SimulatorHarness.Refund(paymentId, "rr2-" + id, "100"));

        Assert.Equal("S", inquiry.Answer?.Result.ResultStatus);
        Assert.Equal((RefundAnswerKind.Rejected, RefundRejection.MerchantBalanceInsufficient), (Classify(refund).Kind, Classify(refund).Rejection));
        Assert.Equal("U", cancel.Answer?.Result.ResultStatus);
        Assert.Equal(RefundAnswerKind.Refunded, Classify(refundAgain).Kind);
        Assert.Equal([null, "F", "U", null], (await sim.Control.GetPaymentAsync(id))!.Calls.Select(c => c.FaultApplied));
    }

    [Fact]
    public async Task Refund_RF2_PartialRefundsUpToThePayment_ThenRefundAmountExceed()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-partial");
        var client = sim.Client();

        var first = await client.RefundAsync(SimulatorHarness.Refund(paymentId, "rr1-" + id, "500"));
        var second = await client.RefundAsync(SimulatorHarness.Refund(paymentId, "rr2-" + id, "750"));
        var third = await client.RefundAsync(SimulatorHarness.Refund(paymentId, "rr3-" + id, "1"));

        Assert.Equal(RefundAnswerKind.Refunded, Classify(first).Kind);
        Assert.Equal(RefundAnswerKind.Refunded, Classify(second).Kind);
        Assert.Equal(("F", "REFUND_AMOUNT_EXCEED"), (third.Answer?.Result.ResultStatus, third.Answer?.Result.ResultCode));
        Assert.Equal(RefundRejection.AmountExceeded, Classify(third).Rejection);
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((2, "1250"), (view.EffectiveRefunds, view.RefundedTotal.Value));
        Assert.Equal(("rr3-" + id, "REFUND_AMOUNT_EXCEED"), (Assert.Single(view.RejectedRefunds).RefundRequestId, view.RejectedRefunds[0].ResultCode));
    }

    [Fact]
    public async Task Refund_RF2_AmountAboveThePayment_RefundAmountExceed_AndTheSameRequestIsRefusedAgain()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-above");
        var client = sim.Client();
        var request = SimulatorHarness.Refund(paymentId, "rr-" + id, "1251");

        var call = await client.RefundAsync(request);
        var again = await client.RefundAsync(request);

        Assert.Equal(("F", "REFUND_AMOUNT_EXCEED"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        Assert.Null(call.Answer!.RefundId);
        Assert.Equal(("F", "REFUND_AMOUNT_EXCEED"), (again.Answer?.Result.ResultStatus, again.Answer?.Result.ResultCode));
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((0, "0"), (view.EffectiveRefunds, view.RefundedTotal.Value));
    }

    [Fact]
    public async Task Refund_RF2_AnotherCurrency_CurrencyNotSupport()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (_, paymentId) = await PaidAsync(sim, "refund-currency");

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund(paymentId, "rr-currency", "100", "EUR"));

        Assert.Equal((RefundAnswerKind.Rejected, RefundRejection.CurrencyMismatch, "CURRENCY_NOT_SUPPORT"), (Classify(call).Kind, Classify(call).Rejection, call.Answer?.Result.ResultCode));
    }

    [Fact]
    public async Task Refund_RF1_SameRefundRequestIdWithAnotherAmountOrPayment_ParamIllegalAndNothingChanges()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-reuse");
        var (otherId, otherPaymentId) = await PaidAsync(sim, "refund-reuse-other");
        var client = sim.Client();
        await client.RefundAsync(SimulatorHarness.Refund(paymentId, "rr-" + id, "500"));

        var otherAmount = await client.RefundAsync(SimulatorHarness.Refund(paymentId, "rr-" + id, "600"));
        var otherPayment = await client.RefundAsync(SimulatorHarness.Refund(otherPaymentId, "rr-" + id, "500"));

        Assert.Equal(("F", "PARAM_ILLEGAL"), (otherAmount.Answer?.Result.ResultStatus, otherAmount.Answer?.Result.ResultCode));
        Assert.Equal(("F", "PARAM_ILLEGAL"), (otherPayment.Answer?.Result.ResultStatus, otherPayment.Answer?.Result.ResultCode));
        Assert.Equal(RefundRejection.ConfigurationError, Classify(otherAmount).Rejection);
        Assert.Equal("500", (await sim.Control.GetPaymentAsync(id))!.RefundedTotal.Value);
        var other = (await sim.Control.GetPaymentAsync(otherId))!;
        Assert.Equal((0, 0), (other.EffectiveRefunds, other.RejectedRefunds.Count));
    }

    [Theory]
    [InlineData("ALIPAY_CN", 365, "S", null)] // the last instant of Antom's year
    [InlineData("ALIPAY_CN", 366, "F", "REFUND_WINDOW_EXCEED")]
    [InlineData("NEW_WALLET_XYZ", 366, "F", "REFUND_WINDOW_EXCEED")] // not in the catalogue: Antom's year
    [InlineData("MERCADOPAGO_BR", 180, "S", null)]
    [InlineData("MERCADOPAGO_BR", 181, "F", "REFUND_WINDOW_EXCEED")] // Mercado Pago's page: 180 days
    public async Task Refund_RF3_RefundPeriodOfTheMethod_ByTheSimulatorClock(string method, int daysAfterPayment, string status, string? code)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("refund-window");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now, method));
        await sim.Control.SetClockAsync(Now.AddDays(daysAfterPayment));

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-" + id));

        Assert.Equal((status, code ?? "SUCCESS"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        if (code is not null)
        {
            Assert.Equal(RefundRejection.WindowExceeded, Classify(call).Rejection);
        }
    }

    [Theory]
    [InlineData("ONLINEBANKING_BANGKOKBANK")]
    [InlineData("BANKTRANSFER_SIAMCOMMERCIALBANK")]
    [InlineData("PROMPTPAY")]
    [InlineData("OVO")]
    public async Task Refund_RF4_MethodWithoutRefund_PaymentMethodNotSupported(string method)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("refund-method");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(DateTimeOffset.UtcNow.AddMinutes(-5), method));

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-" + id));

        Assert.Equal(("F", "PAYMENT_METHOD_NOT_SUPPORTED"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        Assert.Equal(RefundRejection.MethodNotRefundable, Classify(call).Rejection);
        Assert.Equal(0, (await sim.Control.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    [Theory]
    [InlineData("PROCESSING", "ALIPAY_CN", false, "ORDER_STATUS_INVALID")]
    [InlineData("FAIL", "ALIPAY_CN", false, "ORDER_STATUS_INVALID")]
    [InlineData("CANCELLED", "ALIPAY_CN", false, "ORDER_IS_CANCELED")]
    [InlineData("SUCCESS", "CARD", false, "ORDER_STATUS_INVALID")] // an authorisation is voided by cancel, not refunded
    [InlineData("SUCCESS", "CARD", true, "SUCCESS")]
    public async Task Refund_RF5_OnlyASuccessfulPaymentIsRefunded_ACardOnceCaptured(string status, string method, bool captured, string code)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("refund-state");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(DateTimeOffset.UtcNow.AddMinutes(-5), method, captured) with
        {
            PaymentStatus = status,
            PaymentTime = status == "SUCCESS" ? DateTimeOffset.UtcNow.AddMinutes(-5) : null,
        });

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr-" + id));

        Assert.Equal(code, call.Answer?.Result.ResultCode);
    }

    [Fact]
    public async Task Refund_N1_ARefundedPaymentAnswersCancelWithProcessFail()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var (id, paymentId) = await PaidAsync(sim, "refund-then-cancel");
        var client = sim.Client();
        await client.RefundAsync(SimulatorHarness.Refund(paymentId, "rr-" + id, "100")); // partial is enough

        var cancel = await client.CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("F", "PROCESS_FAIL"), (cancel.Answer?.Result.ResultStatus, cancel.Answer?.Result.ResultCode));
        Assert.Equal(CancelAnswerKind.AlreadyRefunded, CancelAnswerClassifier.Classify(cancel.Answer!.Result.ResultStatus, cancel.Answer.Result.ResultCode).Kind);
        Assert.Equal(0, (await sim.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task Refund_RF6_Async_ProcessingThenNotifyRefundSuccess_InquiryRefundBeforeAndAfter()
    {
        await using var receiver = await NotificationReceiver.AcknowledgingAsync();
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("refund-async");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now.AddHours(-1)) with { RefundMode = "async" });
        var client = sim.Client();
        var request = SimulatorHarness.Refund(created.PaymentId, "rr-" + id, "1000", notifyUrl: receiver.Url.ToString());

        var accepted = await client.RefundAsync(request);
        var before = await client.InquiryRefundAsync(new InquiryRefundRequest("rr-" + id, null));
        var resent = await client.RefundAsync(request);
        await sim.Control.SetClockAsync(Now.AddMinutes(30));
        await sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "refund", Status = "SUCCESS", RefundRequestId = "rr-" + id });
        var after = await client.InquiryRefundAsync(new InquiryRefundRequest("rr-" + id, null));

        Assert.Equal(("U", "REFUND_IN_PROCESS", RefundAnswerKind.Processing), (accepted.Answer?.Result.ResultStatus, accepted.Answer?.Result.ResultCode, Classify(accepted).Kind));
        Assert.Equal(("S", "PROCESSING", null), (before.Answer?.Result.ResultStatus, before.Answer?.RefundStatus, before.Answer?.RefundTime));
        Assert.Equal(RefundAnswerKind.Processing, Classify(resent).Kind);
        Assert.Equal(("S", "SUCCESS", "2026-03-10T12:30:00+08:00"), (after.Answer?.Result.ResultStatus, after.Answer?.RefundStatus, after.Answer?.RefundTime));
        Assert.Equal(before.Answer!.RefundId, after.Answer!.RefundId);
        Assert.True(await SimulatorHarness.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count == 1), TimeSpan.FromSeconds(10)));
        var got = receiver.Deliveries[0];
        using var antomPublic = SimulatorHarness.PublicKey(await sim.Control.GetAntomPublicKeyPemAsync());
        Assert.True(AntomSignature.Verify(antomPublic, NotificationReceiver.Path, got.ClientId, got.RequestTime, got.Body, got.Signature));
        Assert.Equal(SimulatorHarness.ClientId, got.ClientId);
        var notice = AntomJson.Deserialize<RefundNotification>(got.Body)!;
        Assert.Equal((NotifyTypes.RefundResult, "S", "SUCCESS", "rr-" + id, after.Answer.RefundId), (notice.NotifyType, notice.Result?.ResultStatus, notice.RefundStatus, notice.RefundRequestId, notice.RefundId));
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((1, "1000"), (view.EffectiveRefunds, view.RefundedTotal.Value));
        var again = await client.RefundAsync(request); // final now: the same request gets S, still one refund
        Assert.Equal((RefundAnswerKind.Refunded, after.Answer.RefundId), (Classify(again).Kind, again.Answer?.RefundId));
    }

    [Fact]
    public async Task Refund_RF6_Async_Processing_HoldsItsAmount_AndAFailedRefundFreesIt()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.NotifyUrl = "http://127.0.0.1:9/unused");
        var id = SimulatorHarness.NewId("refund-async-fail");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(DateTimeOffset.UtcNow.AddMinutes(-5)) with { RefundMode = "async" });
        var client = sim.Client();

        await client.RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr1-" + id, "1000"));
        var whileProcessing = await client.RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr2-" + id, "1000"));
        await sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "refund", Status = "FAIL", RefundRequestId = "rr1-" + id });
        var afterFail = await client.RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr3-" + id, "1000"));
        var failedAgain = await client.RefundAsync(SimulatorHarness.Refund(created.PaymentId, "rr1-" + id, "1000"));

        Assert.Equal("REFUND_AMOUNT_EXCEED", whileProcessing.Answer?.Result.ResultCode);
        Assert.Equal(("U", "REFUND_IN_PROCESS"), (afterFail.Answer?.Result.ResultStatus, afterFail.Answer?.Result.ResultCode));
        Assert.Equal(("F", RefundAnswerKind.Rejected), (failedAgain.Answer?.Result.ResultStatus, Classify(failedAgain).Kind));
        var e = await Assert.ThrowsAsync<SimulatorControlException>(() => sim.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "refund", Status = "SUCCESS", RefundRequestId = "rr1-" + id }));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, e.StatusCode); // a failed refund stays failed
        Assert.Equal("1000", (await sim.Control.GetPaymentAsync(id))!.RefundedTotal.Value);
    }

    [Fact]
    public async Task Refund_RF6_Sync_NotifyRefundGoesToTheRefundNotifyUrl()
    {
        await using var receiver = await NotificationReceiver.AcknowledgingAsync();
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-notify");

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund(paymentId, "rr-" + id, notifyUrl: receiver.Url.ToString()));

        Assert.True(await SimulatorHarness.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count == 1), TimeSpan.FromSeconds(10)));
        var notice = AntomJson.Deserialize<RefundNotification>(receiver.Deliveries[0].Body)!;
        Assert.Equal(("SUCCESS", call.Answer!.RefundId, "1250"), (notice.RefundStatus, notice.RefundId, notice.RefundAmount?.Value));
        Assert.True(await SimulatorHarness.EventuallyAsync(async () => (await sim.Control.GetDeliveriesAsync(id)).Single().Acknowledged, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Refund_ManyConcurrentSameRequests_OneRefund()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-concurrent");
        var client = sim.Client();
        var request = SimulatorHarness.Refund(paymentId, "rr-" + id, "700");

        var calls = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.RefundAsync(request)));

        Assert.All(calls, c => Assert.Equal("S", c.Answer?.Result.ResultStatus));
        Assert.Single(calls.Select(c => c.Answer!.RefundId).Distinct());
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((1, "700", 16), (view.EffectiveRefunds, view.RefundedTotal.Value, view.Calls.Count));
    }

    [Fact]
    public async Task Refund_UnknownPaymentId_OrderNotExist()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund("202601010000000000000000000000", "rr-unknown"));

        Assert.Equal((RefundAnswerKind.Rejected, RefundRejection.PaymentNotFound), (Classify(call).Kind, Classify(call).Rejection));
    }

    [Theory]
    [InlineData("", "1250", "refundRequestId")]
    [InlineData("rr-x", "0", "refundAmount.value")]
    [InlineData("rr-x", "-5", "refundAmount.value")]
    [InlineData("rr-x", "12.50", "refundAmount.value")]
    public async Task RefundAsync_RequestWithoutAntomsShape_ThrowsAndSendsNothing(string refundRequestId, string value, string field)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (id, paymentId) = await PaidAsync(sim, "refund-shape");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => sim.Client().RefundAsync(new RefundRequest(refundRequestId, paymentId, new AntomAmount("USD", value))));

        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Empty((await sim.Control.GetPaymentAsync(id))!.Calls);
    }

    private static RefundAnswerClassification Classify(AntomCall<RefundResponse> call) =>
        call.Answered ? RefundAnswerClassifier.Classify(call.Answer.Result.ResultStatus, call.Answer.Result.ResultCode) : RefundAnswerClassifier.NoAnswer(call.Detail!);

    private static async Task<(string Id, string PaymentId)> PaidAsync(SimulatorHarness sim, string prefix)
    {
        var id = SimulatorHarness.NewId(prefix);
        var now = (await sim.Control.GetClockAsync()).Now!.Value; // the simulator's clock decides the refund period
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(now.AddMinutes(-30)));
        return (id, created.PaymentId);
    }
}
