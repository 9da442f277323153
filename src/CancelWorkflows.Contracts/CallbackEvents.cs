namespace CancelWorkflows.Contracts;

/// <summary>The values of <see cref="CancellationCallback.Event"/>.</summary>
public static class CallbackEvents
{
    /// <summary>The cancellation decided (<see cref="CancellationCallback.Outcome"/>).</summary>
    public const string Outcome = "outcome";

    /// <summary>A late success: Antom owes a refund.</summary>
    public const string RefundExpected = "refund-expected";

    /// <summary>Antom confirmed that refund.</summary>
    public const string RefundConfirmed = "refund-confirmed";

    /// <summary>The refund was not confirmed within the SLA: support was asked.</summary>
    public const string RefundEscalated = "refund-escalated";

    /// <summary>Every event, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Outcome, RefundExpected, RefundConfirmed, RefundEscalated];
}
