using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>cancel through the real Antom client over loopback HTTP: A3 (S/F/U, no double cancel), N1, W1–W5, C2, faults.</summary>
public sealed class SimulatorCancelTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Cancel_UnpaidPayment_AnswersSAndCountsOneEffectiveCancel()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("unpaid");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(Now.AddMinutes(-3)));

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.True(call.Answered, call.Detail);
        Assert.Equal("S", call.Answer.Result.ResultStatus);
        Assert.Equal("SUCCESS", call.Answer.Result.ResultCode);
        Assert.Equal(id, call.Answer.PaymentRequestId);
        Assert.Equal(created.PaymentId, call.Answer.PaymentId);
        Assert.Equal("2026-03-10T12:00:00+08:00", call.Answer.CancelTime);
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.NotNull(view);
        Assert.Equal("CANCELLED", view.PaymentStatus);
        Assert.Equal(1, view.EffectiveCancels);
        var logged = Assert.Single(view.Calls);
        Assert.Equal(("cancel", SimulatorHarness.ClientId, "S", "SUCCESS", true), (logged.Api, logged.ClientId, logged.ResultStatus, logged.ResultCode, logged.Effective));
    }

    [Fact]
    public async Task Cancel_RepeatedForCancelledPayment_AnswersSWithOriginalCancelTimeAndOneEffectiveCancel()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("repeat");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(Now.AddMinutes(-1)));
        var client = sim.Client();

        var first = await client.CancelAsync(SimulatorHarness.Cancel(id));
        await sim.Control.SetClockAsync(Now.AddMinutes(5));
        var second = await client.CancelAsync(SimulatorHarness.Cancel(id));
        var third = await client.CancelAsync(SimulatorHarness.Cancel(id));

        Assert.All([first, second, third], c => Assert.Equal("S", c.Answer?.Result.ResultStatus));
        Assert.Equal(first.Answer!.CancelTime, second.Answer!.CancelTime);
        Assert.Equal(first.Answer.CancelTime, third.Answer!.CancelTime);
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal(1, view!.EffectiveCancels);
        Assert.Equal(3, view.Calls.Count);
        Assert.Single(view.Calls, c => c.Effective);
    }

    [Fact]
    public async Task Cancel_UFaultTwiceThenSameRequest_AnswersUUThenSWithOneEffectiveCancel()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("u-twice");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(Now.AddMinutes(-1)));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 2 });
        var client = sim.Client();
        var request = SimulatorHarness.Cancel(id);

        var first = await client.CancelAsync(request);
        var afterFirst = await sim.Control.GetPaymentAsync(id);
        var second = await client.CancelAsync(request);
        var third = await client.CancelAsync(request);

        Assert.Equal(("U", "UNKNOWN_EXCEPTION"), (first.Answer?.Result.ResultStatus, first.Answer?.Result.ResultCode));
        Assert.Equal("PROCESSING", afterFirst!.PaymentStatus); // a U answer changed nothing
        Assert.Equal(0, afterFirst.EffectiveCancels);
        Assert.Equal("U", second.Answer?.Result.ResultStatus);
        Assert.Equal("S", third.Answer?.Result.ResultStatus);
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal("CANCELLED", view!.PaymentStatus);
        Assert.Equal(1, view.EffectiveCancels);
        Assert.Equal(["U", "U", null], view.Calls.Select(c => c.FaultApplied));
        Assert.Empty(view.PendingFaults);
    }

    [Fact]
    public async Task Cancel_UFaultWithAFinalCode_AnswersUWithThatCodeAndChangesNothing()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("u-final-code");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", ResultCode = "CANCEL_WINDOW_EXCEED" });

        var first = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));
        var afterFirst = await sim.Control.GetPaymentAsync(id);
        var second = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("U", "CANCEL_WINDOW_EXCEED"), (first.Answer?.Result.ResultStatus, first.Answer?.Result.ResultCode));
        Assert.Equal("PROCESSING", afterFirst!.PaymentStatus);
        Assert.Equal(0, afterFirst.EffectiveCancels);
        Assert.Equal("S", second.Answer?.Result.ResultStatus);
        Assert.Equal(["U", null], (await sim.Control.GetPaymentAsync(id))!.Calls.Select(c => c.FaultApplied));
    }

    [Fact]
    public async Task Cancel_FFault_AnswersFWithTheQueuedCodeAndChangesNothing()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("f-fault");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "F", ResultCode = "ACCESS_DENIED" });

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("F", "ACCESS_DENIED"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        Assert.Null(call.Answer!.CancelTime);
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal("PROCESSING", view!.PaymentStatus);
        Assert.Equal(0, view.EffectiveCancels);
    }

    [Fact]
    public async Task Cancel_Http500Fault_ClientReportsServerErrorAndPaymentUnchanged()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("http500");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "http500" });

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.False(call.Answered);
        Assert.Equal(NoAnswerReason.ServerError, call.NoAnswer);
        Assert.Equal(500, call.HttpStatus);
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal(("PROCESSING", 0), (view!.PaymentStatus, view.EffectiveCancels));
        Assert.Equal(("http500", 500), (view.Calls[0].FaultApplied, view.Calls[0].HttpStatus));
    }

    [Fact]
    public async Task Cancel_DropFault_ClientReportsConnectionFailed()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("drop");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "drop" });

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(NoAnswerReason.ConnectionFailed, call.NoAnswer);
        Assert.Null(call.HttpStatus);
        Assert.Equal(0, (await sim.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task Cancel_DropAfterProcessingThenResend_AnswersSWithOneEffectiveCancel()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("drop-late");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "drop", ProcessFirst = true });
        var client = sim.Client();

        var lost = await client.CancelAsync(SimulatorHarness.Cancel(id));
        var resend = await client.CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(NoAnswerReason.ConnectionFailed, lost.NoAnswer);
        Assert.Equal("S", resend.Answer?.Result.ResultStatus);
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal(("CANCELLED", 1), (view!.PaymentStatus, view.EffectiveCancels));
        Assert.True(view.Calls[0].Effective); // the lost answer was the effective one
        Assert.Equal(view.CancelTime!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), resend.Answer!.CancelTime);
    }

    [Fact]
    public async Task Cancel_DelayLongerThanClientTimeout_ClientReportsTimeout()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("delay");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "delay", DelayMs = 3000 });

        var call = await sim.Client(timeout: TimeSpan.FromMilliseconds(300)).CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(NoAnswerReason.Timeout, call.NoAnswer);
        Assert.True(call.Elapsed < TimeSpan.FromSeconds(2.5), $"took {call.Elapsed}");
    }

    [Fact]
    public async Task Cancel_DelayShorterThanClientTimeout_AnswersSAfterTheDelay()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("delay-ok");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "delay", DelayMs = 400 });

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
        Assert.True(call.Elapsed >= TimeSpan.FromMilliseconds(350), $"took {call.Elapsed}");
    }

    [Fact]
    public async Task Cancel_BadSignatureFault_ClientReportsUnverifiableAnswer()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("badsig");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        await sim.Control.QueueFaultsAsync(id, new SimFault { Kind = "badSignature" });

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(NoAnswerReason.UnverifiableAnswer, call.NoAnswer);
        Assert.Equal(200, call.HttpStatus);
        // The call itself was processed (only its answer cannot be trusted), so a resend finds it cancelled.
        Assert.Equal(1, (await sim.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task Cancel_SignedWithAnotherKey_AnswersFInvalidSignature()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("wrong-key");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        var impostor = SimulatorHarness.NewPair();

        var call = await sim.Client(merchantPrivatePem: impostor.Private).CancelAsync(SimulatorHarness.Cancel(id));

        Assert.True(call.Answered, call.Detail); // still a signed Antom answer
        Assert.Equal(("F", "INVALID_SIGNATURE"), (call.Answer.Result.ResultStatus, call.Answer.Result.ResultCode));
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal(("PROCESSING", 0), (view!.PaymentStatus, view.EffectiveCancels));
        Assert.Equal("INVALID_SIGNATURE", Assert.Single(view.Calls).ResultCode);
    }

    [Fact]
    public async Task Cancel_UntrustedClientId_AnswersFClientInvalid()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("stranger");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        var call = await sim.Client(clientId: "NOT_REGISTERED").CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("F", "CLIENT_INVALID"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        Assert.Equal(0, (await sim.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task Cancel_SandboxClientId_IsServedOnTheSandboxPath()
    {
        const string sandboxClient = "SANDBOX_SIM_TEST";
        await using var sim = await SimulatorHarness.StartAsync(o => o.Merchants[sandboxClient] = SimulatorHarness.MerchantPublicPem);
        var id = SimulatorHarness.NewId("sandbox");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { ClientId = sandboxClient });

        var call = await sim.Client(clientId: sandboxClient).CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
        var logged = Assert.Single((await sim.Control.GetPaymentAsync(id))!.Calls);
        Assert.True(logged.Sandbox);
        Assert.Equal(sandboxClient, logged.ClientId);
    }

    [Theory]
    [InlineData("2026-03-10T23:59:00+08:00", "S", null)] // same UTC+8 day
    [InlineData("2026-03-11T00:14:59+08:00", "S", null)] // just before 00:15 on T+1
    [InlineData("2026-03-11T00:15:00+08:00", "F", "CANCEL_WINDOW_EXCEED")] // 00:15 itself is too late
    [InlineData("2026-03-12T09:00:00+08:00", "F", "CANCEL_WINDOW_EXCEED")]
    public async Task Cancel_W5PaidPaymentAtClock_AnswersByTheQuarterPastMidnightRule(string clock, string status, string? code)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("w5");
        // Paid 2026-03-10 22:30 UTC+8 (14:30 UTC): T is the 10th in UTC+8, so the window ends 2026-03-11 00:15 UTC+8.
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero), "ALIPAY_CN"));
        await sim.Control.SetClockAsync(DateTimeOffset.Parse(clock, System.Globalization.CultureInfo.InvariantCulture));

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal((status, code ?? "SUCCESS"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal(status == "S" ? "CANCELLED" : "SUCCESS", view!.PaymentStatus);
    }

    [Theory]
    [InlineData(7 * 24 * 60, "S")] // exactly 7 days: still inside (inclusive)
    [InlineData((7 * 24 * 60) + 1, "F")]
    public async Task Cancel_W3CardAuthorisationAfterMinutes_AnswersBySevenDayWindow(int minutesAfterPayment, string status)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("card");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now, "CARD"));
        await sim.Control.SetClockAsync(Now.AddMinutes(minutesAfterPayment));

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(status, call.Answer?.Result.ResultStatus);
        if (status == "F")
        {
            Assert.Equal("CANCEL_WINDOW_EXCEED", call.Answer!.Result.ResultCode);
        }
        else
        {
            // An uncaptured card payment is an authorisation: voided, not refunded.
            Assert.Empty((await sim.Control.GetPaymentAsync(id))!.Refunds);
        }
    }

    [Fact]
    public async Task Cancel_W3CapturedCard_AnswersCancelWindowExceed()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now.AddHours(1));
        var id = SimulatorHarness.NewId("captured");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now, "CARD", captured: true));

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("F", "CANCEL_WINDOW_EXCEED"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
    }

    [Theory]
    [InlineData("DANA", "PROCESSING")]
    [InlineData("JKOPAY", "SUCCESS")]
    [InlineData("ONLINEBANKING_KASIKORNBANK", "SUCCESS")] // W2: Thai banking, paid
    public async Task Cancel_W1W2MethodNotCancellable_AnswersCancelWindowExceed(string method, string status)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("w1w2");
        var input = status == "SUCCESS" ? SimulatorHarness.Paid(Now.AddMinutes(-5), method) : SimulatorHarness.Unpaid(Now.AddMinutes(-1), method);
        await sim.Control.PutPaymentAsync(id, input);

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("F", "CANCEL_WINDOW_EXCEED"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
    }

    [Fact]
    public async Task Cancel_W2ThaiBankingUnpaid_AnswersS()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("w2-unpaid");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(Now.AddMinutes(-1), "KPLUS"));

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
    }

    [Fact]
    public async Task Cancel_N1RefundedPayment_AnswersProcessFail()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("refunded");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now.AddMinutes(-10), refunded: true));

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("F", "PROCESS_FAIL"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        Assert.Equal("SUCCESS", (await sim.Control.GetPaymentAsync(id))!.PaymentStatus);
    }

    [Fact]
    public async Task Cancel_UnknownPayment_AnswersOrderNotExist()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel("never-created"));

        Assert.Equal(("F", "ORDER_NOT_EXIST"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
    }

    [Fact]
    public async Task Cancel_PaymentOfAnotherMerchant_AnswersOrderNotExist()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o.Merchants["OTHER_MERCHANT"] = SimulatorHarness.MerchantPublicPem);
        var id = SimulatorHarness.NewId("owned");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { Merchant = "OTHER_MERCHANT" });

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal("ORDER_NOT_EXIST", call.Answer?.Result.ResultCode);
        Assert.Equal(0, (await sim.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task Cancel_FailPayment_AnswersSAndStatusStaysFail()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("failed");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { PaymentStatus = "FAIL" });

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal(("S", "SUCCESS"), (call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode));
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal(("FAIL", 0), (view!.PaymentStatus, view.EffectiveCancels));
        var inquiry = await sim.Client().InquiryPaymentAsync(new InquiryPaymentRequest(null, id));
        Assert.Equal("FAIL", inquiry.Answer?.PaymentStatus);
    }

    [Fact]
    public async Task Cancel_ExpiredUnpaidPayment_AnswersSAndStatusIsFail()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("expired");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(Now));
        await sim.Control.SetClockAsync(Now.AddMinutes(14));

        var call = await sim.Client().CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal(("FAIL", 0), (view!.PaymentStatus, view.EffectiveCancels));
    }

    [Fact]
    public async Task Cancel_C2PaidInsideWindow_CancelsAndRefundsInFull()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(Now);
        var id = SimulatorHarness.NewId("paid");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(Now.AddHours(-1)));
        var client = sim.Client();

        var call = await client.CancelAsync(SimulatorHarness.Cancel(id));
        var inquiry = await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, id));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
        Assert.Equal("CANCELLED", inquiry.Answer?.PaymentStatus);
        var refund = Assert.Single(inquiry.Answer!.Transactions!, t => t.TransactionType == "REFUND");
        Assert.Equal(("SUCCESS", new AntomAmount("USD", "1250")), (refund.TransactionStatus, refund.TransactionAmount));
    }

    [Fact]
    public async Task Cancel_ByPaymentIdOnly_FindsThePayment()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("by-pid");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { PaymentId = "202603100000000000000000000042" });

        var call = await sim.Client().CancelAsync(new CancelRequest(created.PaymentId, null));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
        Assert.Equal((created.PaymentId, id), (call.Answer!.PaymentId, call.Answer.PaymentRequestId));
    }

    [Fact]
    public async Task Cancel_ManyConcurrentSameRequests_AllSAndExactlyOneEffectiveCancel()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var id = SimulatorHarness.NewId("concurrent");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        var client = sim.Client();

        var calls = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => client.CancelAsync(SimulatorHarness.Cancel(id))));

        Assert.All(calls, c => Assert.Equal("S", c.Answer?.Result.ResultStatus));
        Assert.Single(calls.Select(c => c.Answer!.CancelTime).Distinct());
        var view = await sim.Control.GetPaymentAsync(id);
        Assert.Equal((1, 24), (view!.EffectiveCancels, view.Calls.Count));
    }
}
