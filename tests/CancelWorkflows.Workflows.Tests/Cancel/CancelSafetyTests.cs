using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Reconciliation;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using static CancelWorkflows.Workflows.Tests.Infrastructure.StatusWaits;

namespace CancelWorkflows.Workflows.Tests.Cancel;

/// <summary>
/// Money safety at the edges of CancelPaymentWorkflow, on the real dev server with the real activities and the Antom
/// simulator: a refusal after a lost answer (A3), a U that carries a final code (A3), signals with bad payloads, a
/// resolution before the escalation (A4), a support outage (A4), and a late success while the last callbacks drain (C5).
/// </summary>
[Collection(TemporalDevServerCollection.Name)]
public sealed class CancelSafetyTests(TemporalDevServerFixture devServer) : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();
    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    public static TheoryData<string> LostAnswers => new() { "drop", "http500" };

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task RunAsync_A3_AnswerLostButCancelledThenFOrderStatusInvalid_CancelledByInquiry(string lostAnswer)
    {
        // Antom cancelled on attempt 1 but the answer never arrived; the resend is refused (as a cancelled payment may
        // be): the refusal must not become the outcome.
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(
            id,
            new SimFault { Kind = lostAnswer, ProcessFirst = true },
            new SimFault { Kind = "F", ResultCode = "ORDER_STATUS_INVALID" });

        var status = await RunAsync(id, CancelWorker.FastSettings(), lostAnswer == "drop" ? "confirm-f-cancelled-on-earlier-attempt" : null);

        Assert.True(CancelOutcomes.Cancelled == status.Outcome, Story(status));
        Assert.Equal(["U", "F"], status.Attempts.Select(a => a.ResultStatus));
        Assert.Equal("A3", status.Rule);
        Assert.Contains("the cancel took effect on an earlier attempt", status.Detail, StringComparison.Ordinal);
        var payment = (await antom.Control.GetPaymentAsync(id))!;
        Assert.Equal(1, payment.EffectiveCancels);
        Assert.Equal("CANCELLED", payment.PaymentStatus);
    }

    [Fact]
    public async Task RunAsync_A3_NoAnswerThenFAndPaymentNotCancelled_TheFStands()
    {
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "drop" }, new SimFault { Kind = "F", ResultCode = "ORDER_STATUS_INVALID" });

        var status = await RunAsync(id, CancelWorker.FastSettings(), "confirm-f-stands");

        Assert.True(CancelOutcomes.Rejected == status.Outcome, Story(status));
        Assert.Equal("ORDER_STATUS_INVALID", status.ResultCode);
        Assert.Contains(status.Steps, s => s.Name == "answer confirmed" && s.Detail.Contains("SUCCESS", StringComparison.Ordinal));
        Assert.Equal(0, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task RunAsync_A4_NoAnswerThenFAndInquiryUnreadable_EscalatedWithTheReason()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "drop" }, new SimFault { Kind = "F", ResultCode = "CANCEL_WINDOW_EXCEED" });
        var settings = CancelWorker.FastSettings() with
        {
            RetryDelays = [TimeSpan.FromSeconds(3)],
            ConfirmationInquiryTimeout = TimeSpan.FromSeconds(3),
            EscalationPollInterval = TimeSpan.FromHours(1),
        };
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(id, settings);

            // Only after attempt 1 (its eligibility inquiry must still be answered): inquiryPayment stops answering.
            await WaitForAsync(handle, s => s.Attempts.Count == 1);
            await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Api = "inquiryPayment", Count = 1000 });
            var escalated = await WaitForAsync(handle, s => s.Outcome == CancelOutcomes.Escalated && s.Steps.Any(x => x.Name == "escalated to support"));

            Assert.Equal(["U", "F"], escalated.Attempts.Select(a => a.ResultStatus));
            Assert.Equal("A4", escalated.Rule);
            Assert.Contains("neither Cancelled nor the F is known to be true", escalated.Detail, StringComparison.Ordinal);
            var (_, notice) = Assert.Single(support.Received);
            Assert.Contains("inquiryPayment showed no status", notice.Reason, StringComparison.Ordinal);
            Assert.True((await handle.DescribeAsync()).TypedSearchAttributes.Get(CancelSearchAttributes.Escalated));

            await antom.Control.ClearFaultsAsync(id);
            await handle.SignalResolveEscalationAsync(new EscalationResolution("NotCancellable", "support:dana", "refunded instead"));
            Assert.Equal(CancelOutcomes.Resolved, (await handle.GetResultAsync()).Outcome);
            await HistoryCapture.SaveAsync(handle, "confirm-f-unreadable-escalated");
        });

        Assert.Equal(0, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task RunAsync_A3_UWithCancelWindowExceed_ResentAndCancelled()
    {
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", ResultCode = "CANCEL_WINDOW_EXCEED" });

        var status = await RunAsync(id, CancelWorker.FastSettings());

        Assert.True(CancelOutcomes.Cancelled == status.Outcome, Story(status));
        Assert.Equal([("U", "CANCEL_WINDOW_EXCEED"), ("S", "SUCCESS")], status.Attempts.Select(a => (a.ResultStatus, a.ResultCode)));
        Assert.Equal(nameof(CancelAnswerKind.Unknown), status.Attempts[0].Classification);
        Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task Signals_NullOrMalformedPayloads_RecordedAndIgnoredWithoutFailingAWorkflowTask()
    {
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 1 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            // Sent while the workflow waits in its U-retry (it closes at its outcome).
            var handle = await StartAsync(id, CancelWorker.FastSettings(TimeSpan.FromSeconds(30)) with { RetryDelays = [TimeSpan.FromSeconds(3)] });
            await WaitForAsync(handle, s => s.Attempts.Count == 1);

            await SendMalformedSignalsAsync(handle);
            var notice = new PaymentNotice("PAYMENT_RESULT", "F", "PAYMENT_FAIL", id, null, "USD", "1000", null, "fail-after-bad-ones");
            await handle.SignalPaymentNotifiedAsync(notice);
            var status = await WaitForAsync(handle, s => s.Notifications.Count == 1 && s.Outcome == CancelOutcomes.Cancelled);

            Assert.Equal(MalformedSignalCount, status.IgnoredSignals);
            Assert.Equal(MalformedSignalCount, status.Steps.Count(s => s.Name == "signal ignored"));
            Assert.Contains(status.Steps, s => s.Name == "signal ignored" && s.Detail.StartsWith("PaymentNotified: the payload is null", StringComparison.Ordinal));
            Assert.Contains(status.Steps, s => s.Name == "signal ignored" && s.Detail.StartsWith("ResolveEscalation: the payload is not a EscalationResolution", StringComparison.Ordinal));
            Assert.Contains(status.Steps, s => s.Name == "payment failure notified");
            Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
            await AssertNoWorkflowTaskFailedAsync(handle);
            await HistoryCapture.SaveAsync(handle, "signals-malformed-ignored");
        });
    }

    [Fact]
    public async Task Signals_ReconciliationWorkflow_NullOrMalformedPayloads_RecordedAndIgnored()
    {
        var id = await antom.PaidPaymentAsync();
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var options = new WorkflowOptions(ReconciliationWorkflowIds.For(id, null), taskQueue);
            options.SignalWithStartPaymentNotified(new PaymentNotice("PAYMENT_PENDING", null, null, id, null, null, null, null, $"pending-{id}"));
            var request = new ReconciliationRequest
            {
                PaymentRequestId = id,
                CancelWorkflowId = CancelWorkflowIds.For(id, null),
                CancelOutcome = CancelOutcomes.Cancelled,
                Settings = CancelWorker.FastSettings() with { ReconciliationWatchWindow = TimeSpan.FromSeconds(30) },
            };
            var handle = await devServer.Client.StartWorkflowAsync((RefundReconciliationWorkflow wf) => wf.RunAsync(request), options);

            await handle.SignalAsync(TemporalNames.PaymentNotifiedSignal, new object?[] { null });
            await handle.SignalAsync(TemporalNames.RefundNotifiedSignal, ["not a refund notice"]);
            await handle.SignalAsync(TemporalNames.RefundNotifiedSignal, [new Dictionary<string, string>()]);
            await handle.SignalRefundNotifiedAsync(new RefundNotice("SUCCESS", "rf-1", null, "USD", "1000", null, $"refund-{id}"));
            var status = await WaitForAsync(handle, s => s.Notifications.Count == 2);

            Assert.Equal(3, status.IgnoredSignals);
            Assert.Contains(status.Steps, s => s.Name == "signal ignored" && s.Detail.StartsWith("RefundNotified: it names no refund", StringComparison.Ordinal));
            await AssertNoWorkflowTaskFailedAsync(handle);
            await handle.TerminateAsync("test done");
        });
    }

    [Fact]
    public async Task ResolveEscalation_A4_BeforeTheEscalation_RecordedAndIgnored()
    {
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        var settings = CancelWorker.FastSettings() with
        {
            RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200)],
            EscalationPollInterval = TimeSpan.FromHours(1),
        };
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(id, settings);
            await WaitForAsync(handle, s => s.Attempts.Count == 1);
            await handle.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:early", "too early"));

            // The escalation's first workflow task ends once support was told; a resolution kept from before would have
            // resolved it in that same task.
            var escalated = await WaitForAsync(handle, s => s.Steps.Any(x => x.Name == "escalated to support"));
            Assert.True(CancelOutcomes.Escalated == escalated.Outcome, Story(escalated));
            Assert.Null(escalated.Resolution);
            Assert.Contains(escalated.Steps, s => s.Name == "resolution ignored" && s.Detail.Contains("support:early", StringComparison.Ordinal));

            await handle.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:erin", "cancelled by Antom support"));
            var resolved = await handle.GetResultAsync();
            await HistoryCapture.SaveAsync(handle, "resolution-before-escalation-ignored");

            Assert.Equal(CancelOutcomes.Resolved, resolved.Outcome);
            Assert.Equal("support:erin", resolved.Resolution?.ResolvedBy);
        });
    }

    [Fact]
    public async Task EscalateAsync_A4_SupportDownPastTheDeliveryTimeout_RecordedStillEscalatedAndResolvable()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        support.Down = true;
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        var settings = CancelWorker.FastSettings() with { SupportDeliveryTimeout = TimeSpan.FromSeconds(3), EscalationPollInterval = TimeSpan.FromHours(1) };
        var metrics = CountingMetricMeter.Instance;
        var failuresBefore = metrics.Count("cancelworkflows.support.delivery_failures");
        using var worker = CancelWorker.Create(await metrics.ConnectAsync(devServer.Client), taskQueue, antom.Client, support.Url);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(id, settings);
            var undelivered = await WaitForAsync(handle, s => s.SupportDeliveryFailures == 1);
            await WaitUntilAsync(
                () => Task.FromResult(metrics.Count("cancelworkflows.support.delivery_failures") > failuresBefore ? undelivered : null),
                "cancelworkflows.support.delivery_failures was not counted");

            Assert.Equal(CancelOutcomes.Escalated, undelivered.Outcome);
            Assert.Contains(undelivered.Steps, s => s.Name == "support not reached" && s.Detail.StartsWith("notice 1 not delivered within 00:00:03", StringComparison.Ordinal));
            Assert.True(support.Refused >= 1);
            Assert.Empty(support.Received);
            Assert.True((await handle.DescribeAsync()).TypedSearchAttributes.Get(CancelSearchAttributes.Escalated));

            await handle.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:frank", "found in the escalated list"));
            var resolved = await handle.GetResultAsync();
            Assert.Equal(CancelOutcomes.Resolved, resolved.Outcome);
            await HistoryCapture.SaveAsync(handle, "escalated-support-not-reached");
        });
    }

    [Fact]
    public async Task EscalateAsync_A4_LongEscalationContinuesAsNew_StatusSearchAttributesAndResolutionCarriedOver()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        var settings = CancelWorker.FastSettings() with
        {
            EscalationPollInterval = TimeSpan.FromMilliseconds(200),
            EscalationMaxPollInterval = TimeSpan.FromMilliseconds(400),
            EscalationHistoryLimit = 80,
        };
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url);

        await worker.ExecuteAsync(async () =>
        {
            var first = await StartAsync(id, settings);
            var resumed = await WaitForAsync(first, s => s.ContinuedAsNew >= 1 && s.Steps[^1].Name != "continuing as new");

            Assert.NotEqual(first.ResultRunId, resumed.RunId);
            Assert.Equal(CancelOutcomes.Escalated, resumed.Outcome);
            Assert.Equal(["U", "U", "U", "U"], resumed.Attempts.Select(a => a.ResultStatus));
            Assert.Equal(["requested", "eligibility", "cancel attempt 1"], resumed.Steps.Take(3).Select(s => s.Name));
            Assert.Contains(resumed.Steps, s => s.Name == "continued as new");
            Assert.Equal(1, resumed.EscalationNotices);
            Assert.Contains(resumed.RunId!, resumed.TemporalWebUrl, StringComparison.Ordinal);
            var attributes = (await first.DescribeAsync()).TypedSearchAttributes; // the latest run
            Assert.True(attributes.Get(CancelSearchAttributes.Escalated));
            Assert.Equal(CancelOutcomes.Escalated, attributes.Get(CancelSearchAttributes.CancelOutcome));
            Assert.Equal(4L, attributes.Get(CancelSearchAttributes.CancelAttempts));

            await first.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:hana", "after the hand-over"));
            var resolved = await first.GetResultAsync();
            Assert.Equal(CancelOutcomes.Resolved, resolved.Outcome);
            Assert.Equal("support:hana", resolved.Resolution?.ResolvedBy);
            await HistoryCapture.SaveAsync(devServer.Client.GetWorkflowHandle(first.Id, first.ResultRunId), "escalation-continued-as-new-first-run");
            await HistoryCapture.SaveAsync(first, "escalation-continued-as-new-last-run");
        });
    }

    [Fact]
    public async Task EscalateAsync_A4_PromotionChildWithSupportDown_ReportsToItsRunFirst()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        support.Down = true;
        var id = await antom.UnpaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url, configure: o => o.AddWorkflow<PromotionRunStandIn>());

        await worker.ExecuteAsync(async () =>
        {
            // No delivery timeout: the webhook is retried for as long as it takes, which must not hold up the promotion run.
            var hold = new CancelPaymentRequest
            {
                PaymentRequestId = id,
                PromoId = "promo-support-down",
                Mode = CancelMode.UnpaidOnly,
                Settings = CancelWorker.FastSettings() with { EscalationPollInterval = TimeSpan.FromHours(1) },
            };
            var run = await devServer.Client.StartWorkflowAsync((PromotionRunStandIn wf) => wf.RunAsync(hold), new WorkflowOptions($"promo-run-{id}", taskQueue));

            var report = await WaitUntilAsync(
                async () => (await run.QueryAsync(wf => wf.Reports)).SingleOrDefault(),
                () => $"the promotion run heard nothing while support refused {support.Refused} deliveries");
            Assert.Equal(id, report.PaymentRequestId);
            Assert.Equal(CancelOutcomes.Escalated, report.Outcome);
            Assert.True(report.Escalated);
            Assert.Empty(support.Received);

            // Support comes back: the notice goes through, and the case waits for its resolution as usual.
            support.Down = false;
            var child = devServer.Client.GetWorkflowHandle(CancelWorkflowIds.For(id, null));
            await WaitForAsync(child, s => s.Steps.Any(x => x.Name == "escalated to support"));
            await child.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:ivan", null));
            Assert.Equal(CancelOutcomes.Resolved, (await run.GetResultAsync()).ChildOutcome);
            Assert.Single(support.Received);
            await HistoryCapture.SaveAsync(child, "promo-child-reports-before-support");
        });
    }

    [Fact]
    public async Task CloseAsync_C5_SuccessWhileTheLastCallbacksRetry_ReconciledWithoutWaitingForThem()
    {
        await using var booking = await CallerCallbackReceiver.StartAsync(down: true);
        await using var inbox = await AntomNotificationInbox.StartAsync();
        var id = await antom.UnpaidPaymentAsync();
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await devServer.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest
                {
                    PaymentRequestId = id,
                    CallbackUrl = booking.Url,
                    Settings = CancelWorker.FastSettings(TimeSpan.FromSeconds(1)),
                }),
                CancelWorker.StartOptions(CancelWorkflowIds.For(id, null), taskQueue));

            // The outcome is decided and its callback is still being retried: the workflow is draining before it closes.
            var draining = await WaitForAsync(handle, s => s.Outcome is not null && booking.Refused >= 1);
            Assert.Equal(CancelOutcomes.Cancelled, draining.Outcome);
            Assert.False(draining.Completed);

            await antom.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS", Url = inbox.Url });
            await handle.SignalPaymentNotifiedAsync(AntomNotificationInbox.ToPaymentNotice(await inbox.NextAsync()));
            // The refund is tracked while the booking service's endpoint is still down: reconciliation does not wait
            // on callbacks that may be retried for a day.
            var reconciling = await WaitForAsync(handle, s => s.Reconciliation is not null);
            Assert.False(reconciling.Completed);
            booking.Down = false;

            var status = await handle.GetResultAsync();
            await HistoryCapture.SaveAsync(handle, "late-success-while-callbacks-retry");

            Assert.True(RefundStates.Confirmed == status.Reconciliation?.State, Story(status));
            Assert.True(status.LateSuccess);
            Assert.Contains(status.Steps, s => s.Name == "notification during the last callbacks");
            Assert.Equal(["outcome", "refund-confirmed", "refund-expected"], booking.Received.Select(n => n.Event).Order(StringComparer.Ordinal));
        });
    }

    private const int MalformedSignalCount = 6;

    private static readonly int[] JsonArray = [1, 2, 3];

    /// <summary>Null, a string, an array and an empty object, through the raw client.</summary>
    private static async Task SendMalformedSignalsAsync(WorkflowHandle handle)
    {
        await handle.SignalAsync(TemporalNames.PaymentNotifiedSignal, new object?[] { null });
        await handle.SignalAsync(TemporalNames.PaymentNotifiedSignal, ["a JSON string, not a notice"]);
        await handle.SignalAsync(TemporalNames.PaymentNotifiedSignal, [JsonArray]);
        await handle.SignalAsync(TemporalNames.PaymentNotifiedSignal, [new Dictionary<string, string>()]);
        await handle.SignalAsync(TemporalNames.RefundNotifiedSignal, new object?[] { null });
        await handle.SignalAsync(TemporalNames.ResolveEscalationSignal, [JsonArray]);
    }

    private static async Task AssertNoWorkflowTaskFailedAsync(WorkflowHandle handle)
    {
        var history = await handle.FetchHistoryAsync();
        Assert.DoesNotContain(history.Events, e => e.EventType == EventType.WorkflowTaskFailed);
    }

    private Task<WorkflowHandle<CancelPaymentWorkflow, CancelStatus>> StartAsync(string paymentRequestId, CancelSettings settings) =>
        devServer.Client.StartWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { PaymentRequestId = paymentRequestId, Reason = "test", Settings = settings }),
            CancelWorker.StartOptions(CancelWorkflowIds.For(paymentRequestId, null), taskQueue));

    private async Task<CancelStatus> RunAsync(string paymentRequestId, CancelSettings settings, string? captureAs = null)
    {
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);
        return await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(paymentRequestId, settings);
            var status = await handle.GetResultAsync();
            if (captureAs is not null)
            {
                await HistoryCapture.SaveAsync(handle, captureAs);
            }

            return status;
        });
    }
}
