using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Reconciliation;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Client;

namespace CancelWorkflows.Workflows.Tests.Cancel;

/// <summary>
/// Late success → refund reconciliation (C2, C4, C5) on the real dev server. The notifications are the simulator's
/// real signed ones (it also books the refund Antom owes), handed to the workflows as the ingress does.
/// </summary>
[Collection(SecondDevServerCollection.Name)]
public sealed class LateSuccessTests(TemporalDevServerFixture devServer) : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();
    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();
    private AntomNotificationInbox inbox = null!;

    public async Task InitializeAsync()
    {
        await antom.InitializeAsync();
        inbox = await AntomNotificationInbox.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await inbox.DisposeAsync();
        await antom.DisposeAsync();
    }

    [Fact]
    public async Task PaymentNotified_C5_SuccessAfterCancelS_StaysCancelledAndRefundConfirmedByInquiry()
    {
        var id = await UnpaidPaymentAsync();
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            // The cancel workflow closes at its outcome; the success that comes after goes where the ingress sends it for a
            // closed cancel workflow: the payment's reconciliation workflow, told the outcome.
            var cancel = await StartAsync(id);
            var closed = await cancel.GetResultAsync();
            Assert.Equal(CancelOutcomes.Cancelled, closed.Outcome);
            Assert.True(closed.Completed);
            await HistoryCapture.SaveAsync(cancel, "late-success-after-cancel");

            var notice = await BuyerPaysAsync(id);
            var handle = await StartReconciliationAsync(id, cancel.Id, notice, CancelWorker.FastSettings(TimeSpan.FromSeconds(30)));
            var status = await WaitForAsync(handle, s => s.Reconciliation?.State == RefundStates.Confirmed);

            Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
            Assert.True(status.LateSuccess);
            Assert.Equal("CANCELLED", status.Reconciliation!.PaymentStatusSeen);
            Assert.Equal("1000", status.Reconciliation.Value);
            Assert.Equal("USD", status.Reconciliation.Currency);
            Assert.Equal("paid after cancel", status.Reconciliation.Reason);
            Assert.NotNull(status.Reconciliation.RefundId);
            var attributes = (await handle.DescribeAsync()).TypedSearchAttributes;
            Assert.True(attributes.Get(CancelSearchAttributes.LateSuccess));
            Assert.Equal(RefundStates.Confirmed, attributes.Get(CancelSearchAttributes.RefundState));
            Assert.Equal("CANCELLED", (await antom.Control.GetPaymentAsync(id))!.PaymentStatus);
        });
    }

    [Fact]
    public async Task PaymentNotified_C5_SuccessDuringURetries_CancelGoesOnThenRefundExpected()
    {
        var id = await UnpaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 2 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(id, CancelWorker.FastSettings(TimeSpan.FromSeconds(30)) with
            {
                RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)],
            });
            await WaitForAsync(handle, s => s.Attempts.Count == 1);

            var notice = await BuyerPaysAsync(id);
            await handle.SignalPaymentNotifiedAsync(notice);
            var status = await WaitForAsync(handle, s => s.Reconciliation?.State == RefundStates.Confirmed);

            Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
            Assert.Equal(["U", "U", "S"], status.Attempts.Select(a => a.ResultStatus));
            Assert.Contains(status.Steps, s => s.Name == "payment success notified" && s.Detail.Contains("during the cancel", StringComparison.Ordinal));
            Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);

            // Reconciled before the close: the workflow completes with the refund confirmed, nothing left for reconcile-<id>.
            var closed = await handle.GetResultAsync();
            Assert.True(closed.Completed);
            Assert.Equal(RefundStates.Confirmed, closed.Reconciliation?.State);
            await HistoryCapture.SaveAsync(handle, "late-success-during-cancel");
        });
    }

    [Fact]
    public async Task PaymentNotified_C5_SuccessWhileEscalated_ReconciledAfterSupportResolvesCancelled()
    {
        var id = await UnpaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(id, CancelWorker.FastSettings(TimeSpan.FromSeconds(30)) with { EscalationPollInterval = TimeSpan.FromHours(1) });
            await WaitForAsync(handle, s => s.Outcome == CancelOutcomes.Escalated);

            var notice = await BuyerPaysAsync(id);
            await handle.SignalPaymentNotifiedAsync(notice);
            var stillEscalated = await WaitForAsync(handle, s => s.Notifications.Count == 1);
            Assert.Null(stillEscalated.Reconciliation);

            await handle.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:carol", "cancelled at Antom"));
            await handle.SignalRefundNotifiedAsync(new RefundNotice("SUCCESS", "rf-1", "rr-1", "USD", "1000", null, "refund-notification-1"));
            var status = await WaitForAsync(handle, s => s.Reconciliation?.State == RefundStates.Confirmed);

            Assert.Equal(CancelOutcomes.Resolved, status.Outcome);
            Assert.True(status.LateSuccess);
        });
    }

    [Fact]
    public async Task PaymentNotified_SameNotificationFiveTimes_OneReconciliation()
    {
        var id = await UnpaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 1 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            // Delivered while the cancel workflow is still open (in its U-retry), so the copies reach it.
            var handle = await StartAsync(id, CancelWorker.FastSettings(TimeSpan.FromSeconds(30)) with { RetryDelays = [TimeSpan.FromSeconds(3)] });
            await WaitForAsync(handle, s => s.Attempts.Count == 1);
            var notice = await BuyerPaysAsync(id);

            for (var i = 0; i < 5; i++)
            {
                await handle.SignalPaymentNotifiedAsync(notice);
            }

            var status = await WaitForAsync(handle, s => s.Reconciliation?.State == RefundStates.Confirmed && s.DuplicateNotifications == 4);
            Assert.Single(status.Notifications);
            Assert.Single(status.Steps, s => s.Name == "reconciliation opened");
        });
    }

    [Fact]
    public async Task PaymentNotified_FailureForCancelledPayment_RecordedNoRefund()
    {
        var id = await UnpaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 1 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            // Delivered while the cancel workflow is still open (in its U-retry).
            var handle = await StartAsync(id, CancelWorker.FastSettings(TimeSpan.FromSeconds(30)) with { RetryDelays = [TimeSpan.FromSeconds(3)] });
            await WaitForAsync(handle, s => s.Attempts.Count == 1);

            await handle.SignalPaymentNotifiedAsync(new PaymentNotice("PAYMENT_RESULT", "F", "PAYMENT_FAIL", id, null, "USD", "1000", null, "fail-1"));
            var status = await WaitForAsync(handle, s => s.Notifications.Count == 1);

            Assert.Contains(status.Steps, s => s.Name == "payment failure notified");
            Assert.Null(status.Reconciliation);
            Assert.False(status.LateSuccess);
        });
    }

    [Fact]
    public async Task SignalWithStart_SuccessBeforeTheCancelStarts_PaidPaymentCancelledAndRefundConfirmed()
    {
        var id = await UnpaidPaymentAsync();
        var notice = await BuyerPaysAsync(id);
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var options = CancelWorker.StartOptions(CancelWorkflowIds.For(id, null), taskQueue);
            options.SignalWithStartPaymentNotified(notice);
            var handle = await devServer.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { PaymentRequestId = id, Settings = CancelWorker.FastSettings(TimeSpan.FromSeconds(30)) }),
                options);

            var status = await WaitForAsync(handle, s => s.Reconciliation?.State == RefundStates.Confirmed);
            Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
            Assert.Equal("SUCCESS", status.PaymentStatusAtStart);
            Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
        });
    }

    [Fact]
    public async Task RefundReconciliationWorkflow_NotificationAfterCancelClosed_RefundConfirmedOnce()
    {
        var id = await UnpaidPaymentAsync();
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var cancel = await StartAsync(id, CancelWorker.FastSettings());
            Assert.Equal(CancelOutcomes.Cancelled, (await cancel.GetResultAsync()).Outcome);
            var notice = await BuyerPaysAsync(id);

            var reconcile = await StartReconciliationAsync(id, cancel.Id, notice, CancelWorker.FastSettings());
            var status = await reconcile.GetResultAsync();

            Assert.Equal(RefundStates.Confirmed, status.Reconciliation?.State);
            Assert.True(status.LateSuccess);
            Assert.Equal($"reconcile-{id}", status.WorkflowId);
            await HistoryCapture.SaveAsync(reconcile, "reconciliation-after-close");
        });
    }

    [Fact]
    public async Task RefundReconciliationWorkflow_C4_SuccessAfterTheCancelsWatchWindowButInsideItsOwn_StillReconciled()
    {
        // The reconciliation keeps its own window (Cancel:ReconciliationWatchWindow) after its LAST notification: a
        // PENDING first, then a SUCCESS later than the cancel's short window must still reach it, not a closed id.
        var id = await UnpaidPaymentAsync();
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);
        var settings = CancelWorker.FastSettings() with { ReconciliationWatchWindow = TimeSpan.FromSeconds(6) };

        await worker.ExecuteAsync(async () =>
        {
            var cancel = await StartAsync(id, CancelWorker.FastSettings());
            Assert.Equal(CancelOutcomes.Cancelled, (await cancel.GetResultAsync()).Outcome);
            var pending = new PaymentNotice("PAYMENT_PENDING", null, null, id, null, null, null, null, $"pending-{id}");
            var reconcile = await StartReconciliationAsync(id, cancel.Id, pending, settings);

            await Task.Delay(settings.WatchWindow * 4);
            var success = await BuyerPaysAsync(id);
            await reconcile.SignalPaymentNotifiedAsync(success);
            var status = await reconcile.GetResultAsync();

            Assert.Equal(2, status.Notifications.Count);
            Assert.True(status.LateSuccess);
            Assert.Equal(RefundStates.Confirmed, status.Reconciliation?.State);
        });
    }

    [Theory]
    [InlineData(CancelOutcomes.Refunded)]
    [InlineData(CancelOutcomes.RefundPending)]
    public async Task RefundReconciliationWorkflow_SuccessAfterARefundMadeInstead_NotNeededAndSaysTheRefundFallbackHandlesIt(string outcome)
    {
        // The payment's success after the cancel workflow refunded it instead (refund fallback) owes no second refund, and
        // the status must not tell support "the payment stands".
        var id = await UnpaidPaymentAsync();
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var notice = await BuyerPaysAsync(id);
            var reconcile = await StartReconciliationAsync(id, CancelWorkflowIds.For(id, null), notice, CancelWorker.FastSettings(), outcome);
            var status = await reconcile.GetResultAsync();

            Assert.Equal(RefundStates.NotNeeded, status.Reconciliation?.State);
            Assert.False(status.LateSuccess);
            var noted = Assert.Single(status.Steps, s => s.Name == "payment success noted");
            Assert.Contains("refund fallback", noted.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("the payment stands", noted.Detail, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("SUCCESS", RefundFallbackStates.Succeeded, "reconciliation-late-refund-success-after-refund-pending")]
    [InlineData("FAIL", RefundFallbackStates.Failed, "reconciliation-late-refund-fail-after-refund-pending")]
    public async Task RefundReconciliationWorkflow_RF6_LateNotifyRefundAfterRefundPending_RecordedCallerAndSupportTold(string refundStatus, string state, string history)
    {
        await using var booking = await CallerCallbackReceiver.StartAsync();
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = NewPaymentId();
        var cancelId = CancelWorkflowIds.For(id, null);
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, supportWebhookUrl: support.Url);

        await worker.ExecuteAsync(async () =>
        {
            var notice = new RefundNotice(refundStatus, "rf-" + id, RefundRequestIds.For(cancelId), "USD", "2500", refundStatus == "SUCCESS" ? "2026-03-10T12:30:00+08:00" : null, "late-refund-" + id);
            var reconcile = await StartRefundReconciliationAsync(id, cancelId, notice, CancelOutcomes.RefundPending, booking.Url);
            await reconcile.SignalRefundNotifiedAsync(notice); // Antom's re-send: still one result, one callback, one notice
            var status = await reconcile.GetResultAsync();

            Assert.Equal(CancelOutcomes.RefundPending, status.Outcome);
            Assert.Equal((state, "rf-" + id, "late notifyRefund"), (status.RefundFallback?.State, status.RefundFallback?.RefundId, status.RefundFallback?.ConfirmedBy));
            Assert.Single(status.Steps, s => s.Name == "late refund result");
            var called = Assert.Single(booking.Received);
            Assert.Equal(("refund-result", CancelOutcomes.RefundPending, state), (called.Event, called.Outcome, called.RefundFallbackState));
            var (key, escalation) = Assert.Single(support.Received);
            Assert.Equal($"reconcile-{id}/1", key);
            Assert.Contains($"follow-up to {cancelId}", escalation.Reason, StringComparison.Ordinal);
            Assert.Equal(state, escalation.RefundFallback?.State);
            await HistoryCapture.SaveAsync(reconcile, history);
        });
    }

    [Fact]
    public async Task RefundReconciliationWorkflow_RF6_NotifyRefundAfterRefunded_OnlyNotedAsADuplicateConfirmation()
    {
        await using var booking = await CallerCallbackReceiver.StartAsync();
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = NewPaymentId();
        var cancelId = CancelWorkflowIds.For(id, null);
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, supportWebhookUrl: support.Url);

        await worker.ExecuteAsync(async () =>
        {
            var notice = new RefundNotice("SUCCESS", "rf-" + id, RefundRequestIds.For(cancelId), "USD", "2500", "2026-03-10T12:30:00+08:00", "late-refund-" + id);
            var status = await (await StartRefundReconciliationAsync(id, cancelId, notice, CancelOutcomes.Refunded, booking.Url)).GetResultAsync();

            Assert.Equal(CancelOutcomes.Refunded, status.Outcome);
            Assert.Null(status.RefundFallback);
            Assert.Single(status.Steps, s => s.Name == "duplicate refund confirmation");
            Assert.Empty(booking.Received);
            Assert.Empty(support.Received);
        });
    }

    private Task<WorkflowHandle<RefundReconciliationWorkflow, CancelStatus>> StartRefundReconciliationAsync(
        string id, string cancelWorkflowId, RefundNotice first, string cancelOutcome, string callbackUrl)
    {
        var options = new WorkflowOptions(ReconciliationWorkflowIds.For(id, null), taskQueue)
        {
            IdReusePolicy = Temporalio.Api.Enums.V1.WorkflowIdReusePolicy.RejectDuplicate,
        };
        options.SignalWithStart(TemporalNames.RefundNotifiedSignal, [first]);
        return devServer.Client.StartWorkflowAsync(
            (RefundReconciliationWorkflow wf) => wf.RunAsync(new ReconciliationRequest
            {
                PaymentRequestId = id,
                CancelWorkflowId = cancelWorkflowId,
                CancelOutcome = cancelOutcome,
                CallbackUrl = callbackUrl,
                Settings = CancelWorker.FastSettings(TimeSpan.FromSeconds(2)), // open long enough for the test's re-send
            }),
            options);
    }

    /// <summary>As the ingress does after the cancel closed: signal-with-start of the payment's reconciliation.</summary>
    private Task<WorkflowHandle<RefundReconciliationWorkflow, CancelStatus>> StartReconciliationAsync(
        string id, string cancelWorkflowId, PaymentNotice first, CancelSettings settings, string cancelOutcome = CancelOutcomes.Cancelled)
    {
        var options = new WorkflowOptions(ReconciliationWorkflowIds.For(id, null), taskQueue)
        {
            IdReusePolicy = Temporalio.Api.Enums.V1.WorkflowIdReusePolicy.RejectDuplicate,
        };
        options.SignalWithStartPaymentNotified(first);
        return devServer.Client.StartWorkflowAsync(
            (RefundReconciliationWorkflow wf) => wf.RunAsync(new ReconciliationRequest
            {
                PaymentRequestId = id,
                CancelWorkflowId = cancelWorkflowId,
                CancelOutcome = cancelOutcome,
                Settings = settings,
            }),
            options);
    }

    private static string NewPaymentId() => $"pr-{Guid.NewGuid():N}";

    /// <summary>An unpaid payment inside its 14-minute validity: the cancel voids it (C1).</summary>
    private async Task<string> UnpaidPaymentAsync()
    {
        var id = NewPaymentId();
        await antom.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "PROCESSING",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        return id;
    }

    /// <summary>The buyer pays: the simulator sends its signed notifyPayment SUCCESS (and books the refund it owes if
    /// the payment is already cancelled, C5); the notification is returned as the ingress would signal it.</summary>
    private async Task<PaymentNotice> BuyerPaysAsync(string id)
    {
        await antom.Control.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS", Url = inbox.Url });
        return AntomNotificationInbox.ToPaymentNotice(await inbox.NextAsync());
    }

    private Task<WorkflowHandle<CancelPaymentWorkflow, CancelStatus>> StartAsync(string id, CancelSettings? settings = null) =>
        devServer.Client.StartWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest
            {
                PaymentRequestId = id,
                Settings = settings ?? CancelWorker.FastSettings(TimeSpan.FromSeconds(30)),
            }),
            CancelWorker.StartOptions(CancelWorkflowIds.For(id, null), taskQueue));

    private static Task<CancelStatus> WaitForAsync(WorkflowHandle<CancelPaymentWorkflow, CancelStatus> handle, Func<CancelStatus, bool> condition) =>
        WaitForAsync(() => handle.QueryAsync(wf => wf.Status), condition);

    private static Task<CancelStatus> WaitForAsync(WorkflowHandle<RefundReconciliationWorkflow, CancelStatus> handle, Func<CancelStatus, bool> condition) =>
        WaitForAsync(() => handle.QueryAsync(wf => wf.Status), condition);

    private static async Task<CancelStatus> WaitForAsync(Func<Task<CancelStatus>> query, Func<CancelStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var status = await query();
            if (condition(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not reached in 30 s; outcome {status.Outcome}, steps: {string.Join(" | ", status.Steps.Select(s => $"{s.Name}: {s.Detail}"))}");
            await Task.Delay(100);
        }
    }
}
