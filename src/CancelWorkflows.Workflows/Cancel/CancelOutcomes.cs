namespace CancelWorkflows.Workflows.Cancel;

/// <summary>The outcome values of a cancellation (docs/design.md, fixed): also the <c>CancelOutcome</c> search attribute.</summary>
public static class CancelOutcomes
{
    public const string Cancelled = "Cancelled";
    public const string AlreadyCancelled = "AlreadyCancelled";
    public const string NotCancellable = "NotCancellable";
    public const string Rejected = "Rejected";
    public const string Escalated = "Escalated";
    public const string Resolved = "Resolved";
    public const string InvalidRequest = "InvalidRequest";

    /// <summary>Refund fallback (<see cref="CancelFallbacks.Refund"/>): not cancellable, refunded in full instead; Antom confirmed
    /// the refund (S, notifyRefund or inquiryRefund).</summary>
    public const string Refunded = "Refunded";

    /// <summary>Refund fallback: Antom refused the refund (F, or the refund ended FAIL); nothing was refunded, support was told.</summary>
    public const string RefundFailed = "RefundFailed";

    /// <summary>Refund fallback: Antom accepted the refund (REFUND_IN_PROCESS) but did not confirm it within
    /// <c>Cancel:ReconciliationSla</c>; support was told to follow it.</summary>
    public const string RefundPending = "RefundPending";

    /// <summary>Refund fallback: the payment's method cannot be refunded through Antom (the catalogue's refund column says
    /// notSupported, or Antom answered PAYMENT_METHOD_NOT_SUPPORTED): nothing was refunded, support was told (RF4).</summary>
    public const string NotRefundable = "NotRefundable";
}
