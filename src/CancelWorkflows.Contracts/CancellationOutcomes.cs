namespace CancelWorkflows.Contracts;

/// <summary>The values of <c>outcome</c> (fixed by the service's design).</summary>
public static class CancellationOutcomes
{
    public const string Cancelled = "Cancelled";
    public const string AlreadyCancelled = "AlreadyCancelled";
    public const string NotCancellable = "NotCancellable";
    public const string Rejected = "Rejected";
    public const string Escalated = "Escalated";
    public const string Resolved = "Resolved";
    public const string InvalidRequest = "InvalidRequest";

    /// <summary>Refund fallback (<c>fallback: "refund"</c>): not cancellable, so refunded in full instead; Antom confirmed it.</summary>
    public const string Refunded = "Refunded";

    /// <summary>Refund fallback: Antom refused the refund, or reported it FAIL; nothing was refunded, support was told.</summary>
    public const string RefundFailed = "RefundFailed";

    /// <summary>Refund fallback: Antom accepted the refund but did not confirm it in time (Cancel:ReconciliationSla); support follows it.</summary>
    public const string RefundPending = "RefundPending";

    /// <summary>Refund fallback: the payment's method cannot be refunded through Antom (RF4); nothing was refunded, support was told.</summary>
    public const string NotRefundable = "NotRefundable";

    /// <summary>Every outcome, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Cancelled, AlreadyCancelled, NotCancellable, Rejected, Escalated, Resolved, InvalidRequest, Refunded, RefundFailed, RefundPending, NotRefundable];
}
