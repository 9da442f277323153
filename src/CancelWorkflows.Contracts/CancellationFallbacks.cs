namespace CancelWorkflows.Contracts;

/// <summary>The values of <see cref="StartCancellationRequest.Fallback"/>: what to do when a paid payment can no longer be cancelled.</summary>
public static class CancellationFallbacks
{
    /// <summary>The default (also when <c>fallback</c> is left out): the outcome is NotCancellable, advice "refund instead".</summary>
    public const string None = "none";

    /// <summary>Refund the payment in full instead; the outcome is Refunded, RefundFailed, RefundPending or NotRefundable.</summary>
    public const string Refund = "refund";

    /// <summary>Every value, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [None, Refund];
}
