namespace CancelWorkflows.Contracts;

/// <summary>Body of <c>POST /v1/cancellations/{paymentRequestId}/escalation/resolve</c>: support's resolution. Only an
/// operator's API key may send it; the service records that key's caller as who resolved it.</summary>
public sealed record ResolveEscalationRequest
{
    /// <summary>What support found or did, e.g. <c>Cancelled</c> or <c>Refunded</c>. Required, at most 64 characters.</summary>
    public required string Outcome { get; init; }

    /// <summary>Free text for the record (e.g. who at support did what). At most 1024 characters.</summary>
    public string? Note { get; init; }
}
