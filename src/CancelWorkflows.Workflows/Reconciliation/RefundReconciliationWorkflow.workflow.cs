using CancelWorkflows.Workflows.Cancel;
using Temporalio.Converters;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary>
/// Refund reconciliation for a payment whose cancel workflow has already closed: started by signal-with-start from the
/// notification ingress (id <c>reconcile-&lt;paymentRequestId&gt;</c>), so no late notification is ever dropped after
/// the watch window (C4, C5). Duplicates reach this one workflow and change nothing.
/// </summary>
[Workflow(TemporalNames.RefundReconciliationWorkflow)]
public sealed class RefundReconciliationWorkflow
{
    private readonly CancelStatus status = new();
    private readonly LateNotifications notices = new();
    private readonly CallerCallbacks callbacks;
    private readonly RefundReconciler reconciler;

    [WorkflowInit]
    public RefundReconciliationWorkflow(ReconciliationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        callbacks = new CallerCallbacks(request.CallbackUrl);
        reconciler = new RefundReconciler(status, notices, request.Settings, callbacks)
        {
            LateRefund = new LateRefundResult(status, notices, request, callbacks),
        };
    }

    [WorkflowRun]
    public async Task<CancelStatus> RunAsync(ReconciliationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        status.Begin(request.PaymentRequestId, request.PaymentId, request.Settings.TemporalWebBaseUrl);
        status.Outcome = request.CancelOutcome;
        status.AntomMerchant = request.AntomMerchant;
        status.Step("reconciliation requested", $"a notification arrived after {request.CancelWorkflowId} closed with outcome {request.CancelOutcome ?? "(unknown)"}");

        // Open for a watch window after the LAST notification: later ones for this payment (a PENDING first, then the
        // RESULT; Antom's retries) all reach this one workflow and are reconciled here.
        var window = request.Settings.EffectiveReconciliationWatchWindow;
        DateTimeOffset Until() => (status.Notifications.Count > 0 ? status.Notifications[^1].ReceivedAt : status.StartedAt!.Value) + window;
        await reconciler.WatchThenDrainAsync(Until, $"watch window {window} after the last notification");
        status.WatchUntil = Until();
        if (status.Reconciliation is null && status.RefundFallback is null)
        {
            status.Step("nothing to reconcile", notices.Failure is not null
                ? "the payment failed: no refund is needed"
                : "no payment success among the notifications");
        }

        status.Completed = true;
        status.Step("completed", $"reconciliation {status.Reconciliation?.State ?? "not needed"}");
        return status;
    }

    [WorkflowQuery(TemporalNames.StatusQuery)]
    public CancelStatus Status => status;

    /// <summary>The ingress asks before signalling, so Antom's re-sends and replays add nothing to this history.</summary>
    [WorkflowQuery(TemporalNames.HasNotificationQuery)]
    public bool HasNotification(string notificationId) => notices.Has(notificationId);

    /// <summary>An Antom notifyPayment (<see cref="PaymentNotice"/>); a null or unreadable payload is recorded and ignored.</summary>
    [WorkflowSignal(TemporalNames.PaymentNotifiedSignal)]
    public Task PaymentNotifiedAsync(IRawValue notice)
    {
        if (SignalPayloads.TryRead<PaymentNotice>(status, TemporalNames.PaymentNotifiedSignal, notice, n => SignalPayloads.ProblemOf(n) ?? SignalPayloads.OtherMerchant(n.AntomMerchant, status.AntomMerchant), out var read))
        {
            notices.Receive(status, read);
        }

        return Task.CompletedTask;
    }

    /// <summary>An Antom notifyRefund (<see cref="RefundNotice"/>); a null or unreadable payload is recorded and ignored.</summary>
    [WorkflowSignal(TemporalNames.RefundNotifiedSignal)]
    public Task RefundNotifiedAsync(IRawValue notice)
    {
        if (SignalPayloads.TryRead<RefundNotice>(status, TemporalNames.RefundNotifiedSignal, notice, n => SignalPayloads.ProblemOf(n) ?? SignalPayloads.OtherMerchant(n.AntomMerchant, status.AntomMerchant), out var read))
        {
            notices.Receive(status, read);
        }

        return Task.CompletedTask;
    }
}
