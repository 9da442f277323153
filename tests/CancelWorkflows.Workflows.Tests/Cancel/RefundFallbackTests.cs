using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Client;
using static CancelWorkflows.Workflows.Tests.Infrastructure.StatusWaits;

namespace CancelWorkflows.Workflows.Tests.Cancel;

/// <summary>
/// The refund fallback (<see cref="CancelFallbacks.Refund"/>) on the real dev server with the real activities and the Antom
/// simulator: a paid payment past its cancel window is refunded in full instead, once (RF1), through U answers (RF1, A3),
/// to support after four U (A4), not at all for a method that does not refund (RF4); without the fallback nothing changes.
/// </summary>
[Collection(SecondDevServerCollection.Name)]
public sealed class RefundFallbackTests(TemporalDevServerFixture devServer) : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();
    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    public static TheoryData<string, int, bool, string, string?> PastTheCancel => new()
    {
        // method, paid days ago, captured, the rule that refused the cancel, history to record
        { "ALIPAY_CN", 2, false, "W5", "close-at-outcome-refund-refunded-first-answer" },
        { "CARD", 0, true, "N2", null },
    };

    [Theory]
    [MemberData(nameof(PastTheCancel))]
    public async Task RunAsync_RF1_NotCancellablePaidWithFallback_RefundedInFullOnce(string method, int paidDaysAgo, bool captured, string rule, string? captureAs)
    {
        var id = await PutPaidAsync(method, paidDaysAgo, captured);

        var status = await RunAsync(id, Fallback(), captureAs);

        Assert.True(CancelOutcomes.Refunded == status.Outcome, Story(status));
        Assert.Empty(status.Attempts);
        Assert.Equal(rule, status.EligibilityRule);
        var refund = status.RefundFallback!;
        Assert.StartsWith($"{rule}: ", refund.NotCancellable, StringComparison.Ordinal);
        Assert.Equal($"refund-{CancelWorkflowIds.For(id, null)}", refund.RefundRequestId);
        Assert.Equal(RefundFallbackStates.Succeeded, refund.State);
        Assert.Equal([("S", "SUCCESS")], refund.Attempts.Select(a => (a.ResultStatus, a.ResultCode)));
        Assert.Null(status.Advice);
        var payment = (await antom.Control.GetPaymentAsync(id))!;
        Assert.Equal(1, payment.EffectiveRefunds);
        Assert.Equal("1000", payment.RefundedTotal.Value);
        Assert.Equal(refund.RefundId, Assert.Single(payment.Refunds).RefundId);
        Assert.Equal(0, payment.EffectiveCancels);
    }

    [Fact]
    public async Task RunAsync_RF1_CancelAnsweredCancelWindowExceed_RefundedInsteadOnce()
    {
        // The eligibility check let the cancel go (inside W5 by our clock), Antom's own window had passed.
        var id = await PutPaidAsync("ALIPAY_CN", 0, captured: false);
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "F", ResultCode = "CANCEL_WINDOW_EXCEED" });

        var status = await RunAsync(id, Fallback(), null);

        Assert.True(CancelOutcomes.Refunded == status.Outcome, Story(status));
        Assert.Equal([("F", "CANCEL_WINDOW_EXCEED")], status.Attempts.Select(a => (a.ResultStatus, a.ResultCode)));
        Assert.Contains("CANCEL_WINDOW_EXCEED", status.RefundFallback!.NotCancellable, StringComparison.Ordinal);
        var payment = (await antom.Control.GetPaymentAsync(id))!;
        Assert.Equal((0, 1), (payment.EffectiveCancels, payment.EffectiveRefunds));
    }

    [Fact]
    public async Task RunAsync_RefundedInstead_TheOutcomeCallbackCarriesTheRefund()
    {
        await using var booking = await CallerCallbackReceiver.StartAsync();
        var id = await PutPaidAsync("ALIPAY_CN", 2, captured: false);

        var status = await RunAsync(id, Fallback() with { CallbackUrl = booking.Url }, null);

        Assert.True(CancelOutcomes.Refunded == status.Outcome, Story(status));
        var notice = Assert.Single(booking.Received);
        Assert.Equal(("outcome", CancelOutcomes.Refunded), (notice.Event, notice.Outcome));
        Assert.Equal(RefundFallbackStates.Succeeded, notice.RefundFallbackState);
        Assert.Equal($"refund-{CancelWorkflowIds.For(id, null)}", notice.RefundRequestId);
    }

    [Fact]
    public void RefundRequestIds_RF1_OneIdPerCancellationWithinAntomsLimit()
    {
        var longest = CancelWorkflowIds.For(new string('p', 64), null);

        var id = RefundRequestIds.For(longest);

        Assert.Equal("refund-cancel-pr-1", RefundRequestIds.For("cancel-pr-1"));
        Assert.Equal(RefundRequestIds.MaxLength, id.Length);
        Assert.StartsWith("refund-", id, StringComparison.Ordinal);
        Assert.Equal(id, RefundRequestIds.For(longest));
        Assert.NotEqual(id, RefundRequestIds.For(CancelWorkflowIds.For(new string('p', 63) + "q", null)));
        Assert.Null(Antom.Wire.RefundRequestShape.Problem(new Antom.Wire.RefundRequest(id, "2026-pay-1", new AntomAmount("USD", "1000"))));
    }

    [Fact]
    public async Task RunAsync_RF1_RefundAnsweredUTwiceThenS_RefundedAfterThreeAttemptsWithOneRefund()
    {
        var id = await PutPaidAsync("ALIPAY_CN", 2, captured: false);
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Api = "refund", Count = 2 });

        var status = await RunAsync(id, Fallback(), "close-at-outcome-refund-refunded-after-two-u");

        Assert.True(CancelOutcomes.Refunded == status.Outcome, Story(status));
        Assert.Equal(["U", "U", "S"], status.RefundFallback!.Attempts.Select(a => a.ResultStatus));
        Assert.Equal(2, status.Steps.Count(s => s.Name == "refund U-retry scheduled"));
        var payment = (await antom.Control.GetPaymentAsync(id))!;
        Assert.Equal(3, payment.Calls.Count(c => c.Api == "refund"));
        Assert.Equal(1, payment.EffectiveRefunds);
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("http500")]
    public async Task RunAsync_RF1_AnswerLostAfterAntomRefunded_ResentWithTheSameIdAndRefundedOnce(string lostAnswer)
    {
        // Antom refunds on attempt 1 but its answer never arrives (as when the worker dies before recording it): the resend
        // names the same refundRequestId and gets the first refund back, never a second one.
        var id = await PutPaidAsync("ALIPAY_CN", 2, captured: false);
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = lostAnswer, Api = "refund", ProcessFirst = true });

        var status = await RunAsync(id, Fallback(), null);

        Assert.True(CancelOutcomes.Refunded == status.Outcome, Story(status));
        Assert.Equal(["U", "S"], status.RefundFallback!.Attempts.Select(a => a.ResultStatus));
        var payment = (await antom.Control.GetPaymentAsync(id))!;
        Assert.Equal(2, payment.Calls.Count(c => c.Api == "refund"));
        Assert.Equal(1, payment.EffectiveRefunds);
        Assert.Equal("1000", payment.RefundedTotal.Value);
        Assert.Equal(Assert.Single(payment.Refunds).RefundId, status.RefundFallback.RefundId);
    }

    [Fact]
    public async Task RunAsync_RF1_AnswerLostAfterAntomRefundedThenF_InquiryShowsTheRefund_Refunded()
    {
        // The refusal after a lost answer must not say "nothing was refunded" while Antom holds the first attempt's refund.
        var id = await PutPaidAsync("ALIPAY_CN", 2, captured: false);
        await antom.Control.QueueFaultsAsync(
            id,
            new SimFault { Kind = "drop", Api = "refund", ProcessFirst = true },
            new SimFault { Kind = "F", Api = "refund", ResultCode = "REFUND_AMOUNT_EXCEED" });

        var status = await RunAsync(id, Fallback(), null);

        Assert.True(CancelOutcomes.Refunded == status.Outcome, Story(status));
        Assert.Equal(["U", "F"], status.RefundFallback!.Attempts.Select(a => a.ResultStatus));
        Assert.Equal("inquiryRefund", status.RefundFallback.ConfirmedBy);
        Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    [Fact]
    public async Task RunAsync_A4_RefundAnsweredUFourTimes_EscalatedWithTheRefundContext()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await PutPaidAsync("ALIPAY_CN", 2, captured: false);
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Api = "refund", Count = 4 });
        var settings = Fallback().Settings with { EscalationPollInterval = TimeSpan.FromHours(1) };
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(Fallback(id) with { Settings = settings });
            var escalated = await WaitForAsync(handle, s => s.Outcome == CancelOutcomes.Escalated && s.Steps.Any(x => x.Name == "escalated to support"));

            Assert.True(escalated.Escalated);
            Assert.Equal("A4", escalated.Rule);
            Assert.Equal(["U", "U", "U", "U"], escalated.RefundFallback!.Attempts.Select(a => a.ResultStatus));
            Assert.Contains("refund answered U 4 times", escalated.Detail, StringComparison.Ordinal);
            var (_, notice) = Assert.Single(support.Received);
            var context = notice.RefundFallback!;
            Assert.Equal($"refund-{CancelWorkflowIds.For(id, null)}", context.RefundRequestId);
            Assert.Equal(("USD", "1000"), (context.Currency, context.Value));
            Assert.Equal(4, context.Attempts.Count);
            Assert.StartsWith("W5: ", context.NotCancellable, StringComparison.Ordinal);
            Assert.Contains(context.RefundRequestId!, notice.Reason, StringComparison.Ordinal);
            Assert.Equal(0, (await antom.Control.GetPaymentAsync(id))!.EffectiveRefunds);

            await handle.SignalResolveEscalationAsync(new EscalationResolution("Refunded", "support:ines", "refunded by hand"));
            var resolved = await handle.GetResultAsync();
            Assert.Equal(CancelOutcomes.Resolved, resolved.Outcome);
            await HistoryCapture.SaveAsync(handle, "close-at-outcome-refund-escalated-after-four-u");
        });
    }

    [Fact]
    public async Task RunAsync_RF4_MethodWithoutRefund_NotRefundableNothingSentSupportTold()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await PutPaidAsync("ONLINEBANKING_BANGKOKBANK", 0, captured: false);
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url);

        var status = await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(Fallback(id));
            var result = await handle.GetResultAsync();
            await HistoryCapture.SaveAsync(handle, "close-at-outcome-refund-not-refundable-w2");
            Assert.Equal(CancelOutcomes.NotRefundable, (await handle.DescribeAsync()).TypedSearchAttributes.Get(CancelSearchAttributes.CancelOutcome));
            return result;
        });

        Assert.True(CancelOutcomes.NotRefundable == status.Outcome, Story(status));
        Assert.Equal(RefundRules.RF4, status.Rule);
        Assert.Equal(RefundAdvice.RefundOutsideAntom, status.Advice);
        Assert.Equal(RefundFallbackStates.NotRefundable, status.RefundFallback!.State);
        Assert.Empty(status.RefundFallback.Attempts);
        Assert.False(status.Escalated);
        var (_, notice) = Assert.Single(support.Received);
        Assert.Contains("not refundable through Antom (RF4)", notice.Reason, StringComparison.Ordinal);
        Assert.Equal(RefundFallbackStates.NotRefundable, notice.RefundFallback?.State);
        Assert.DoesNotContain((await antom.Control.GetPaymentAsync(id))!.Calls, c => c.Api == "refund");
    }

    [Theory]
    [InlineData("SUCCESS", CancelOutcomes.Refunded)]
    [InlineData("FAIL", CancelOutcomes.RefundFailed)]
    public async Task RunAsync_RF6_RefundInProcess_DecidedByNotifyRefund(string notified, string outcome)
    {
        await using var inbox = await AntomNotificationInbox.StartAsync();
        var id = await PutPaidAsync("ALIPAY_CN", 2, captured: false, "async");
        var settings = Fallback().Settings with { ReconciliationPollInterval = TimeSpan.FromMinutes(10) };
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        var status = await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(Fallback(id) with { Settings = settings });
            var processing = await WaitForAsync(handle, s => s.RefundFallback?.State == RefundFallbackStates.Processing);
            Assert.Null(processing.Outcome);

            await antom.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "refund", Status = notified, Url = inbox.Url });
            await handle.SignalRefundNotifiedAsync(AntomNotificationInbox.ToRefundNotice(await inbox.NextAsync()));
            return await handle.GetResultAsync();
        });

        Assert.True(outcome == status.Outcome, Story(status));
        Assert.Equal("notifyRefund", status.RefundFallback!.ConfirmedBy);
        Assert.Equal([("U", "REFUND_IN_PROCESS")], status.RefundFallback.Attempts.Select(a => (a.ResultStatus, a.ResultCode)));
        Assert.Equal(notified == "SUCCESS" ? "1000" : "0", (await antom.Control.GetPaymentAsync(id))!.RefundedTotal.Value);
    }

    [Fact]
    public async Task RunAsync_RF6_RefundInProcessNeverConfirmed_RefundPendingAfterTheSlaSupportTold()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await PutPaidAsync("ALIPAY_CN", 2, captured: false, "async");
        var settings = Fallback().Settings with { ReconciliationSla = TimeSpan.FromSeconds(3), ReconciliationPollInterval = TimeSpan.FromMilliseconds(500) };
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url);

        var status = await worker.ExecuteAsync(async () => await (await StartAsync(Fallback(id) with { Settings = settings })).GetResultAsync());

        Assert.True(CancelOutcomes.RefundPending == status.Outcome, Story(status));
        Assert.Equal(RefundFallbackStates.Unconfirmed, status.RefundFallback!.State);
        Assert.InRange(status.RefundFallback.Inquiries, 1, 6);
        Assert.All(status.Steps.Where(s => s.Name == "refund inquiry"), s => Assert.Contains("PROCESSING", s.Detail, StringComparison.Ordinal));
        var (_, notice) = Assert.Single(support.Received);
        Assert.Contains("confirmed no result within 00:00:03", notice.Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    [Fact]
    public async Task RunAsync_RF3_PastTheRefundPeriod_RefundFailedSupportTold()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await PutPaidAsync("ALIPAY_CN", 400, captured: false);
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url);

        var status = await worker.ExecuteAsync(async () => await (await StartAsync(Fallback(id))).GetResultAsync());

        Assert.True(CancelOutcomes.RefundFailed == status.Outcome, Story(status));
        Assert.Equal(("RF3", "REFUND_WINDOW_EXCEED"), (status.Rule, status.ResultCode));
        Assert.Equal(RefundAdvice.RefundOutsideAntom, status.Advice);
        Assert.Contains("REFUND_WINDOW_EXCEED", Assert.Single(support.Received).Notice.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await antom.Control.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    [Fact]
    public async Task RunAsync_NoFallback_NotCancellableAsBeforeNoRefundNoMarker()
    {
        var id = await PutPaidAsync("ALIPAY_CN", 2, captured: false);
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        var (status, history) = await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(new CancelPaymentRequest { PaymentRequestId = id, Settings = CancelWorker.FastSettings() });
            return (await handle.GetResultAsync(), await handle.FetchHistoryAsync());
        });

        Assert.True(CancelOutcomes.NotCancellable == status.Outcome, Story(status));
        Assert.Equal("W5", status.Rule);
        Assert.Equal(CancelAdvice.RefundInstead, status.Advice);
        Assert.Null(status.RefundFallback);
        var patches = history.Events
            .Where(e => e.MarkerRecordedEventAttributes?.MarkerName == "core_patch")
            .Select(e => e.MarkerRecordedEventAttributes.Details["patch-data"].Payloads_[0].Data.ToStringUtf8())
            .ToList();
        Assert.Contains(patches, p => p.Contains(CancelPatches.CloseAtOutcome, StringComparison.Ordinal));
        Assert.DoesNotContain(patches, p => p.Contains(CancelPatches.RefundFallback, StringComparison.Ordinal));
        Assert.DoesNotContain((await antom.Control.GetPaymentAsync(id))!.Calls, c => c.Api == "refund");
    }

    private static CancelPaymentRequest Fallback(string? id = null) => new()
    {
        PaymentRequestId = id,
        Reason = "test",
        Fallback = CancelFallbacks.Refund,
        Settings = CancelWorker.FastSettings(),
    };

    private async Task<string> PutPaidAsync(string method, int paidDaysAgo, bool captured, string? refundMode = null)
    {
        var id = SimulatedAntom.NewPaymentId();
        var paidAt = DateTimeOffset.UtcNow.AddDays(-paidDaysAgo).AddMinutes(-1);
        await antom.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = method,
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = paidAt.AddMinutes(-1),
            PaymentTime = paidAt,
            Captured = captured,
            RefundMode = refundMode,
        });
        return id;
    }

    private Task<WorkflowHandle<CancelPaymentWorkflow, CancelStatus>> StartAsync(CancelPaymentRequest request) =>
        devServer.Client.StartWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(request),
            CancelWorker.StartOptions(CancelWorkflowIds.For(request), taskQueue));

    private async Task<CancelStatus> RunAsync(string paymentRequestId, CancelPaymentRequest request, string? captureAs)
    {
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);
        return await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(request with { PaymentRequestId = paymentRequestId });
            var status = await handle.GetResultAsync();
            if (captureAs is not null)
            {
                await HistoryCapture.SaveAsync(handle, captureAs);
            }

            return status;
        });
    }
}
