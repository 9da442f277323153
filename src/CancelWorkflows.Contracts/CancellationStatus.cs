namespace CancelWorkflows.Contracts;

/// <summary>The whole story of one cancellation: the workflow's <c>Status</c> query, as <c>GET /v1/cancellations/{id}</c> answers it.</summary>
public sealed record CancellationStatus
{
    public string? WorkflowId { get; init; }

    public string? RunId { get; init; }

    public string? PaymentRequestId { get; init; }

    public string? PaymentId { get; init; }

    public string? BookingRef { get; init; }

    public string? Merchant { get; init; }

    /// <summary>The Antom merchant account the cancellation goes out as, by its configured name (null: started before
    /// several merchants, the default merchant).</summary>
    public string? AntomMerchant { get; init; }

    /// <summary><c>none</c> or <c>refund</c>: what the start asked for when the payment can no longer be cancelled.</summary>
    public string? Fallback { get; init; }

    /// <summary>Where <see cref="Fallback"/> came from: <c>request</c>, <c>caller</c> (its configured default),
    /// <c>merchant</c> (the merchant's) or <c>default</c> (none configured).</summary>
    public string? FallbackSource { get; init; }

    /// <summary>The calling service that asked for the cancellation (its API key's name).</summary>
    public string? RequestedBy { get; init; }

    public string? Reason { get; init; }

    /// <summary>Null while undecided, else one of <see cref="CancellationOutcomes"/>.</summary>
    public string? Outcome { get; init; }

    /// <summary>The rule that decided (W1–W5, N1–N3, C1–C5, A2–A4), where one applies.</summary>
    public string? Rule { get; init; }

    /// <summary>Antom's resultCode that decided, where one applies.</summary>
    public string? ResultCode { get; init; }

    public string? Advice { get; init; }

    public string? Detail { get; init; }

    public DateTimeOffset? CancelTime { get; init; }

    public string? PaymentMethod { get; init; }

    /// <summary>False when the service's payment-method catalogue does not know <see cref="PaymentMethod"/> (its
    /// Cancel:UnknownPaymentMethod policy decided); null before the payment was read.</summary>
    public bool? PaymentMethodKnown { get; init; }

    public string? PaymentStatusAtStart { get; init; }

    public string? PaymentCurrency { get; init; }

    public string? PaymentValue { get; init; }

    public int DuplicateNotifications { get; init; }

    public string? EligibilityRule { get; init; }

    public IReadOnlyList<CancellationAttempt> Attempts { get; init; } = [];

    public IReadOnlyList<CancellationStep> Steps { get; init; } = [];

    public IReadOnlyList<CancellationNotification> Notifications { get; init; } = [];

    public bool Escalated { get; init; }

    public int EscalationNotices { get; init; }

    /// <summary>Support's resolution of an escalation, once given.</summary>
    public EscalationResolutionInfo? Resolution { get; init; }

    /// <summary>True when Antom reported a success after (or during) the cancel (C4, C5).</summary>
    public bool LateSuccess { get; init; }

    /// <summary>The refund Antom owes after a late success; null when none is expected.</summary>
    public RefundReconciliation? Reconciliation { get; init; }

    /// <summary>The refund made instead of a cancel (<c>fallback: "refund"</c>); null when none was tried.</summary>
    public RefundFallbackInfo? RefundFallback { get; init; }

    public bool NeedsEngineer { get; init; }

    /// <summary>Antom's inquiry gave no usable answer at the eligibility step: in unpaid-only mode (promotions) nothing was
    /// cancelled, because the hold may have been paid.</summary>
    public bool EligibilityUnknown { get; init; }

    /// <summary>Signals whose payload was null or unreadable: recorded as a step and ignored.</summary>
    public int IgnoredSignals { get; init; }

    /// <summary>Support notices whose webhook was not reached in time.</summary>
    public int SupportDeliveryFailures { get; init; }

    /// <summary>Runs this cancellation continued as new (a long escalation keeps each run's history bounded).</summary>
    public int ContinuedAsNew { get; init; }

    /// <summary>Steps left out of <see cref="Steps"/> after a long escalation (the first and the latest are kept).</summary>
    public int StepsOmitted { get; init; }

    /// <summary>A cancellation created with <c>notBefore</c> that has not started yet: when it will (otherwise null).</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Until when the workflow stays open for late notifications; null for cancellations that close at their
    /// outcome (since patch <c>close-at-outcome-local-eligibility</c>): later notifications are reconciled by the
    /// service and shown here (<see cref="LateSuccess"/>) all the same.</summary>
    public DateTimeOffset? WatchUntil { get; init; }

    /// <summary>True when the workflow has ended: at its outcome (its callbacks delivered, a success notified meanwhile
    /// reconciled), or after the watch window for cancellations started before they closed at their outcome.</summary>
    public bool Completed { get; init; }

    public string? TemporalWebUrl { get; init; }
}

/// <summary>One cancel call to Antom: when, and what came back (<c>NoAnswer</c> says why there was none; counted as U).</summary>
public sealed record CancellationAttempt(int Number, DateTimeOffset Time, string ResultStatus, string? ResultCode, string? NoAnswer, string Classification);

/// <summary>One step of the story.</summary>
public sealed record CancellationStep(DateTimeOffset Time, string Name, string Detail);

/// <summary>An Antom notification that reached the cancellation.</summary>
public sealed record CancellationNotification(DateTimeOffset ReceivedAt, string Kind, string? Status, string? NotifyType, string? Detail);

/// <summary>Support's resolution of an escalated cancellation.</summary>
public sealed record EscalationResolutionInfo(string Outcome, string ResolvedBy, string? Note, DateTimeOffset? ResolvedAt);

/// <summary>The refund made instead of a cancel (<c>fallback: "refund"</c>), and how far it got.</summary>
public sealed record RefundFallbackInfo
{
    /// <summary>Why the cancel was not possible: the rule and its reason.</summary>
    public string? NotCancellable { get; init; }

    /// <summary>The refund's idempotency key at Antom, derived from the workflow id (one refund per cancellation).</summary>
    public string? RefundRequestId { get; init; }

    public string? RefundId { get; init; }

    public string? PaymentId { get; init; }

    public string? PaymentMethod { get; init; }

    public string? Currency { get; init; }

    public string? Value { get; init; }

    /// <summary><c>Requested</c>, <c>Processing</c>, <c>Succeeded</c>, <c>Failed</c>, <c>NotRefundable</c>, <c>Unconfirmed</c> or <c>Unknown</c>.</summary>
    public string? State { get; init; }

    /// <summary>Each refund call: the same refundRequestId every time.</summary>
    public IReadOnlyList<CancellationAttempt> Attempts { get; init; } = [];

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? RefundTime { get; init; }

    /// <summary><c>refund answer</c>, <c>notifyRefund</c> or <c>inquiryRefund</c>.</summary>
    public string? ConfirmedBy { get; init; }

    public int Inquiries { get; init; }
}

/// <summary>A refund Antom owes after a late success, and how far its confirmation got.</summary>
public sealed record RefundReconciliation
{
    /// <summary><c>Expected</c>, <c>Confirmed</c>, <c>Escalated</c> or <c>NotNeeded</c>.</summary>
    public string? State { get; init; }

    public string? Reason { get; init; }

    public string? Currency { get; init; }

    public string? Value { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public string? ConfirmedBy { get; init; }

    public string? RefundId { get; init; }

    public string? PaymentStatusSeen { get; init; }

    public bool CallerInformed { get; init; }

    public int SupportNotices { get; init; }
}
