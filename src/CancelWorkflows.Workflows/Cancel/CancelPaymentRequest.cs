using CancelWorkflows.Domain;

namespace CancelWorkflows.Workflows.Cancel;

/// <summary>Input of <c>CancelPaymentWorkflow</c>. One of the two ids is required (A2). Settings travel with the request
/// so the workflow stays deterministic and a deployment's configuration is recorded in history.</summary>
public sealed record CancelPaymentRequest
{
    public string? PaymentRequestId { get; init; }

    public string? PaymentId { get; init; }

    public string? Reason { get; init; }

    public string? BookingRef { get; init; }

    public string? Merchant { get; init; }

    /// <summary>The Antom merchant account to cancel as, by its configured name (the API always sets it); null (a start
    /// from before several merchants): the default merchant. Its client, keys and narrowed windows apply to every call; a
    /// notification verified for another merchant does not touch this cancellation.</summary>
    public string? AntomMerchant { get; init; }

    public string? CallbackUrl { get; init; }

    /// <summary>The calling service (recorded for audit).</summary>
    public string? RequestedBy { get; init; }

    public string? PromoId { get; init; }

    public CancelMode Mode { get; init; } = CancelMode.Standard;

    /// <summary>What to do when the payment is paid and can no longer be cancelled: null or <see cref="CancelFallbacks.None"/>
    /// (the outcome is NotCancellable), or <see cref="CancelFallbacks.Refund"/> (refund it in full instead).</summary>
    public string? Fallback { get; init; }

    /// <summary>Where <see cref="Fallback"/> came from: <c>request</c>, <c>caller</c>, <c>merchant</c> or <c>default</c>
    /// (recorded for the status; null for starts from before fallback defaults).</summary>
    public string? FallbackSource { get; init; }

    public CancelSettings Settings { get; init; } = new();

    /// <summary>Set only by the workflow itself when a long escalation continues as new: the run resumes waiting for the
    /// resolution with this state. Null for every start from outside.</summary>
    public EscalationCarryOver? Resume { get; init; }
}
