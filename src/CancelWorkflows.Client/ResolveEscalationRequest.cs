namespace CancelWorkflows.Client;

/// <summary>Body of <c>POST /v1/cancellations/{paymentRequestId}/escalation/resolve</c>: support's resolution.</summary>
public sealed record ResolveEscalationRequest
{
    /// <summary>What support found or did, e.g. <c>Cancelled</c> or <c>Refunded</c>. Required, at most 64 characters.</summary>
    public required string Outcome { get; init; }

    /// <summary>Who resolved it; the calling service's name when null. At most 128 characters.</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>Free text for the record. At most 1024 characters.</summary>
    public string? Note { get; init; }
}
