namespace CancelWorkflows.Workflows.Cancel;

/// <summary>
/// <c>Workflow.Patched</c> ids of the cancel and reconciliation workflows, one per capability whose commands changed.
/// Each is asked only where its new branch would issue different commands, so a run that never reaches that point
/// records no marker. A run that started (or reached the point) before the patch replays the old branch.
/// </summary>
/// <remarks>
/// Removing a patch: when no run older than its deployment is open — check with
/// <c>temporal workflow count --query "WorkflowType IN ('CancelPaymentWorkflow', 'RefundReconciliationWorkflow') AND
/// ExecutionStatus = 'Running' AND StartTime &lt; '&lt;deploy time, RFC 3339&gt;'"</c> (0 needed; escalated runs can stay
/// open for weeks) — first replace <c>Workflow.Patched(id)</c> by <c>Workflow.DeprecatePatch(id)</c> and the new branch
/// alone, deploy, wait again until the count is 0 for that deploy, then delete the call (temporal-config/README.md).
/// Histories recorded with the old branch (Histories/*.json) are deleted with the patch.
/// </remarks>
public static class CancelPatches
{
    /// <summary>
    /// The shape of the whole run, asked first in every run (<see cref="CancelPaymentWorkflow"/>): the eligibility inquiry
    /// as a local activity (two workflow tasks for the happy path instead of four), the search attributes in one upsert at
    /// the outcome, and the run closes at its outcome instead of staying open for the watch window (a notification after
    /// the close starts <c>reconcile-&lt;id&gt;</c>). A run on this path has every capability
    /// of the patches below, so it asks none of them (no marker, no <c>TemporalChangeVersion</c> upsert for each).
    /// Runs started before it replay as recorded.
    /// </summary>
    public const string CloseAtOutcome = "close-at-outcome-local-eligibility";

    /// <summary>Unpaid-only mode cancels only after an inquiry that showed the payment unpaid; unreadable → fail, no cancel.</summary>
    public const string UnpaidOnlyNeedsReadableStatus = "unpaid-only-needs-readable-status";

    /// <summary>A final non-S answer after an earlier attempt got none (no answer or U) is confirmed by inquiryPayment.</summary>
    public const string ConfirmFinalAnswerAfterLostAnswer = "confirm-f-after-lost-answer";

    /// <summary>A promotion's child that closes at its outcome reports to its run by its result, not by a
    /// <c>HoldDecided</c> signal first (per hold: no signal, no workflow task waiting for its delivery, three history events
    /// fewer). Asked only by such a child, at its close, so no other run records it; an escalated child still reports by
    /// signal before it waits on support, and one whose status cannot be read before it fails.</summary>
    public const string PromoChildReportsByResult = "promo-child-reports-by-result";

    /// <summary>A late success that arrives while the last callbacks drain is reconciled before completing.</summary>
    public const string ReconcileSuccessDuringDrain = "reconcile-success-during-drain";

    /// <summary>A promo child reports its escalation to its run before it waits on the support webhook.</summary>
    public const string ReportPromotionBeforeSupport = "report-promotion-before-support";

    /// <summary>While escalated: polls back off up to a maximum, and the run continues as new when its history gets long.</summary>
    public const string BoundedEscalation = "escalation-backoff-and-continue-as-new";

    /// <summary>A ResolveEscalation that arrives before the case is escalated is recorded and ignored.</summary>
    public const string IgnoreResolutionBeforeEscalation = "ignore-resolution-before-escalation";

    /// <summary>Callbacks to the caller and the support webhook run on their own task queue
    /// (<see cref="TemporalNames.CallbackTaskQueueOf"/>), served by a worker with its own slots, so a slow or hostile
    /// endpoint cannot hold the slots the Antom calls need.</summary>
    public const string OutboundCallsOnCallbackQueue = "outbound-calls-on-callback-queue";

    /// <summary>On the close-at-outcome path, a success notified while a caller callback is still being retried is
    /// reconciled at once, not after the callback's delivery (which may retry for a day while the booking service is down).</summary>
    public const string ReconcileWhileCallbacksRetry = "reconcile-while-callbacks-retry";

    /// <summary>Refund fallback: a start that asked for <c>fallback: refund</c> refunds a paid payment that can no longer be
    /// cancelled (W1–W5, N2, CANCEL_WINDOW_EXCEED) in full instead. Asked only when such a request reaches "not cancellable",
    /// so every run without the fallback records no marker.</summary>
    public const string RefundFallback = "refund-fallback";

    /// <summary>A final notifyRefund for the refund fallback's refund after the cancellation closed RefundPending is recorded,
    /// sent to the caller (<c>refund-result</c>) and to support. Asked only when such a notice reaches a reconciliation of a
    /// RefundPending cancellation.</summary>
    public const string LateRefundResult = "late-refund-result";
}
