namespace CancelWorkflows.Contracts;

/// <summary>The values of a refund reconciliation's <c>state</c> (<see cref="RefundReconciliation.State"/>,
/// <see cref="CancellationSummary.RefundState"/>, <see cref="CancellationCallback.RefundState"/>).</summary>
public static class RefundStates
{
    /// <summary>Antom owes a full refund; not yet confirmed.</summary>
    public const string Expected = "Expected";

    /// <summary>Antom confirmed the refund.</summary>
    public const string Confirmed = "Confirmed";

    /// <summary>Not confirmed within the SLA: support was asked to check.</summary>
    public const string Escalated = "Escalated";

    /// <summary>A success arrived, but the payment was never cancelled by this service: nothing to refund.</summary>
    public const string NotNeeded = "NotNeeded";

    /// <summary>Every state, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Expected, Confirmed, Escalated, NotNeeded];
}
