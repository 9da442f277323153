namespace CancelWorkflows.Contracts;

/// <summary>
/// The JSON body the service POSTs to a cancellation's <c>callbackUrl</c>. Verify it first with
/// <c>CallbackSignatureVerifier</c> (CancelWorkflows.Client); deduplicate by the <c>Idempotency-Key</c> header (<c>&lt;workflowId&gt;/&lt;event&gt;</c>),
/// which stays the same across delivery attempts.
/// </summary>
public sealed record CancellationCallback
{
    /// <summary><c>outcome</c>, <c>refund-expected</c>, <c>refund-confirmed</c> or <c>refund-escalated</c>.</summary>
    public required string Event { get; init; }

    public required string WorkflowId { get; init; }

    public string? PaymentRequestId { get; init; }

    public string? PaymentId { get; init; }

    public string? BookingRef { get; init; }

    /// <summary>One of <see cref="CancellationOutcomes"/>.</summary>
    public string? Outcome { get; init; }

    /// <summary>Refund reconciliation after a late success: <c>Expected</c>, <c>Confirmed</c>, <c>Escalated</c>, <c>NotNeeded</c>.</summary>
    public string? RefundState { get; init; }

    public string? RefundCurrency { get; init; }

    public string? RefundValue { get; init; }

    public string? TemporalWebUrl { get; init; }

    /// <summary>When the workflow produced the event.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The calling service that started the cancellation, when the service recorded it.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The refund made instead of a cancel (<c>fallback: "refund"</c>): its state (see <see cref="RefundFallbackInfo.State"/>);
    /// null when none was tried.</summary>
    public string? RefundFallbackState { get; init; }

    /// <summary>That refund's idempotency key at Antom.</summary>
    public string? RefundRequestId { get; init; }
}
