namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary>A refund that Antom owes the buyer because the payment succeeded after (or while) it was cancelled
/// (C2, C4, C5), and how far its confirmation got. Shown in <c>Status</c>; <c>State</c> is the <c>RefundState</c>
/// search attribute.</summary>
public sealed class RefundReconciliationState
{
    public string State { get; set; } = RefundStates.Expected;

    public string Reason { get; set; } = "paid after cancel";

    public string? Currency { get; set; }

    public string? Value { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string? ConfirmedBy { get; set; }

    public string? RefundId { get; set; }

    public string? PaymentStatusSeen { get; set; }

    public bool CallerInformed { get; set; }

    public int SupportNotices { get; set; }
}

/// <summary>Values of <see cref="RefundReconciliationState.State"/> and the <c>RefundState</c> search attribute.</summary>
public static class RefundStates
{
    /// <summary>Antom owes a full refund; not yet confirmed.</summary>
    public const string Expected = "Expected";

    /// <summary>Antom confirmed the refund (refund notification, inquiryRefund or the payment's refund transaction).</summary>
    public const string Confirmed = "Confirmed";

    /// <summary>Not confirmed within the SLA: support was asked to check.</summary>
    public const string Escalated = "Escalated";

    /// <summary>A success arrived, but the payment was never cancelled by us: nothing to refund here.</summary>
    public const string NotNeeded = "NotNeeded";
}
