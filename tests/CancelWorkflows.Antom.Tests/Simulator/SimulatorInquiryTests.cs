using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>inquiryPayment / inquiryRefund through the real client: the 14-minute expiry, transactions, fault targeting.</summary>
public sealed class SimulatorInquiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task InquiryPayment_UnpaidFourteenMinutesAfterCreate_AnswersFail()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("expiry");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(Now));
        var client = sim.Client();

        await sim.Control.SetClockAsync(Now.AddMinutes(13).AddSeconds(59));
        var before = await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, id));
        await sim.Control.SetClockAsync(Now.AddMinutes(14));
        var after = await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, id));

        Assert.Equal(("S", "PROCESSING"), (before.Answer?.Result.ResultStatus, before.Answer?.PaymentStatus));
        Assert.Equal(("S", "FAIL"), (after.Answer?.Result.ResultStatus, after.Answer?.PaymentStatus));
        Assert.Equal("FAIL", (await sim.Control.GetPaymentAsync(id))!.PaymentStatus);
    }

    [Fact]
    public async Task InquiryPayment_KnownPayment_AnswersItsFacts()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("facts");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now, "CARD", captured: true));

        var call = await sim.Client().InquiryPaymentAsync(new InquiryPaymentRequest(created.PaymentId, null));

        var answer = call.Answer;
        Assert.NotNull(answer);
        Assert.Equal(("S", "SUCCESS"), (answer.Result.ResultStatus, answer.PaymentStatus));
        Assert.Equal((id, created.PaymentId, "CARD"), (answer.PaymentRequestId, answer.PaymentId, answer.PaymentMethodType));
        Assert.Equal(new AntomAmount("USD", "1250"), answer.PaymentAmount);
        Assert.Equal("2026-05-04T09:00:00+08:00", answer.PaymentTime);
        Assert.Equal("CAPTURE", Assert.Single(answer.Transactions!).TransactionType);
    }

    [Fact]
    public async Task InquiryPayment_RefundedPayment_ListsTheRefund()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("refunded");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now, refunded: true));

        var call = await sim.Client().InquiryPaymentAsync(new InquiryPaymentRequest(null, id));

        Assert.Equal("SUCCESS", call.Answer?.PaymentStatus); // a refund leaves the payment SUCCESS
        Assert.Equal("REFUND", Assert.Single(call.Answer!.Transactions!).TransactionType);
    }

    [Fact]
    public async Task InquiryPayment_UnknownPayment_AnswersOrderNotExist()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var call = await sim.Client().InquiryPaymentAsync(new InquiryPaymentRequest(null, "nobody"));

        Assert.Equal(("F", "ORDER_NOT_EXIST"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        Assert.Null(call.Answer!.PaymentStatus);
    }

    [Fact]
    public async Task InquiryPayment_FaultQueuedForCancel_IsNotConsumedByInquiry()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("targeted");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "U" }, new SimFault { Kind = "F", ResultCode = "UNKNOWN_EXCEPTION", Api = "inquiryPayment" });
        var client = sim.Client();

        var inquiry = await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, id));
        var inquiryAgain = await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, id));
        var cancel = await client.CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("F", "UNKNOWN_EXCEPTION"), (inquiry.Answer?.Result.ResultStatus, inquiry.Answer?.Result.ResultCode));
        Assert.Equal("S", inquiryAgain.Answer?.Result.ResultStatus);
        Assert.Equal("U", cancel.Answer?.Result.ResultStatus);
    }

    [Fact]
    public async Task InquiryPayment_FaultForAnyApi_AppliesToTheNextCallOfEitherKind()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("any");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "http500", Api = "any" });

        var inquiry = await sim.Client().InquiryPaymentAsync(new InquiryPaymentRequest(null, id));
        var cancel = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(500, inquiry.HttpStatus);
        Assert.Equal("S", cancel.Answer?.Result.ResultStatus);
    }

    [Fact]
    public async Task InquiryRefund_UnknownRefund_AnswersOrderNotExist()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var call = await sim.Client().InquiryRefundAsync(new InquiryRefundRequest("no-such-refund", null));

        Assert.Equal(("F", "ORDER_NOT_EXIST"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
    }

    [Fact]
    public async Task InquiryRefund_RefundOfACancelledPaidPayment_IsFoundByBothIds()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now.AddMinutes(30));
        var id = SimulatorHarness.NewId("cancel-refund");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now));
        var client = sim.Client();
        await client.CancelAsync(SimulatorHarness.Cancel(id));
        var refund = Assert.Single((await sim.Control.GetPaymentAsync(id))!.Refunds);

        var byRequestId = await client.InquiryRefundAsync(new InquiryRefundRequest(refund.RefundRequestId, null));
        var byId = await client.InquiryRefundAsync(new InquiryRefundRequest(null, refund.RefundId));

        Assert.Equal(("S", "SUCCESS", refund.RefundId), (byRequestId.Answer?.Result.ResultStatus, byRequestId.Answer?.RefundStatus, byRequestId.Answer?.RefundId));
        Assert.Equal(refund.RefundRequestId, byId.Answer?.RefundRequestId);
        Assert.Equal(new AntomAmount("USD", "1250"), byId.Answer?.RefundAmount);
        Assert.Equal("2026-05-04T09:30:00+08:00", byId.Answer?.RefundTime);
    }
}
