namespace CancelWorkflows.Workflows.Cancel;

/// <summary>What a start may ask for when the payment is paid and the cancel is no longer possible
/// (<see cref="CancelPaymentRequest.Fallback"/>; the API's <c>fallback</c>).</summary>
public static class CancelFallbacks
{
    /// <summary>The default: the outcome is NotCancellable with the advice to refund instead.</summary>
    public const string None = "none";

    /// <summary>Refund the payment in full instead (RF1–RF6); the outcome is one of the refund outcomes of <see cref="CancelOutcomes"/>.</summary>
    public const string Refund = "refund";

    public static IReadOnlyList<string> All { get; } = [None, Refund];
}
