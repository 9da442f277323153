namespace CancelWorkflows.Contracts;

/// <summary>One cancellation in a listing, from Temporal visibility (search attributes; no Status query).</summary>
public sealed record CancellationSummary
{
    public required string WorkflowId { get; init; }

    public required string RunId { get; init; }

    public string? PaymentRequestId { get; init; }

    public string? PaymentId { get; init; }

    /// <summary>Null while undecided, else one of <see cref="CancellationOutcomes"/>.</summary>
    public string? Outcome { get; init; }

    public bool Escalated { get; init; }

    public bool LateSuccess { get; init; }

    /// <summary>Refund reconciliation after a late success: <c>Expected</c>, <c>Confirmed</c>, <c>Escalated</c>, <c>NotNeeded</c>.</summary>
    public string? RefundState { get; init; }

    public string? Merchant { get; init; }

    public string? BookingRef { get; init; }

    /// <summary>The caller that started it (its API key's name); null for cancellations started before the service recorded
    /// it in visibility, or outside the API.</summary>
    public string? RequestedBy { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? CloseTime { get; init; }

    /// <summary>The workflow's execution status: <c>Running</c>, <c>Completed</c>, <c>Failed</c>, <c>Terminated</c>, …</summary>
    public string? Status { get; init; }
}
