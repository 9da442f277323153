namespace CancelWorkflows.Workflows.Cancel;

/// <summary>The whole story of one cancellation, returned by the <c>Status</c> query and as the workflow result.
/// Mutated only by the workflow (deterministically); serialised as it is.</summary>
public sealed class CancelStatus
{
    public string? WorkflowId { get; set; }

    public string? RunId { get; set; }

    public string? PaymentRequestId { get; set; }

    public string? PaymentId { get; set; }

    public string? BookingRef { get; set; }

    public string? Merchant { get; set; }

    /// <summary>The Antom merchant account every Antom call of this cancellation goes out as, by its configured name; null
    /// for a cancellation started before several merchants (the default merchant).</summary>
    public string? AntomMerchant { get; set; }

    /// <summary>What the start asked for when the payment can no longer be cancelled: <c>none</c> or <c>refund</c>.</summary>
    public string? Fallback { get; set; }

    /// <summary>Where <see cref="Fallback"/> came from: <c>request</c>, <c>caller</c>, <c>merchant</c> or <c>default</c>.</summary>
    public string? FallbackSource { get; set; }

    public string? RequestedBy { get; set; }

    public string? Reason { get; set; }

    /// <summary>Null while undecided; else one of <see cref="CancelOutcomes"/>.</summary>
    public string? Outcome { get; set; }

    /// <summary>The rule id that decided (W1–W5, N1–N3, C1–C5, A2–A4), where one applies.</summary>
    public string? Rule { get; set; }

    /// <summary>Antom's resultCode that decided, where one applies.</summary>
    public string? ResultCode { get; set; }

    public string? Advice { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset? CancelTime { get; set; }

    public string? PaymentMethod { get; set; }

    /// <summary>False when the payment-method catalogue (with configured overrides) does not know <see cref="PaymentMethod"/>,
    /// or Antom reported none: Cancel:UnknownPaymentMethod decided, and the eligibility reason starts "unknown payment method".
    /// Null until the eligibility check read the payment.</summary>
    public bool? PaymentMethodKnown { get; set; }

    public string? PaymentStatusAtStart { get; set; }

    public string? PaymentCurrency { get; set; }

    public string? PaymentValue { get; set; }

    /// <summary>Notifications received again (Antom's retries): ignored.</summary>
    public int DuplicateNotifications { get; set; }

    public string? EligibilityRule { get; set; }

    public List<CancelAttempt> Attempts { get; set; } = [];

    public List<CancelStep> Steps { get; set; } = [];

    public List<NotificationRecord> Notifications { get; set; } = [];

    public bool Escalated { get; set; }

    public int EscalationNotices { get; set; }

    public EscalationResolution? Resolution { get; set; }

    public bool LateSuccess { get; set; }

    /// <summary>The refund Antom owes after a late success (C2, C4, C5); null when none is expected.</summary>
    public Reconciliation.RefundReconciliationState? Reconciliation { get; set; }

    /// <summary>The refund made instead of a cancel (<see cref="CancelFallbacks.Refund"/>); null when none was tried.</summary>
    public RefundFallbackState? RefundFallback { get; set; }

    public bool NeedsEngineer { get; set; }

    /// <summary>inquiryPayment gave no usable answer at the eligibility step. In unpaid-only mode nothing is cancelled then
    /// (the hold may have been paid); the workflow fails with <see cref="CancelFailureTypes.PaymentStatusUnreadable"/>.</summary>
    public bool EligibilityUnknown { get; set; }

    /// <summary>Signals whose payload was null or unreadable: recorded as a step and ignored.</summary>
    public int IgnoredSignals { get; set; }

    /// <summary>Support notices whose webhook was not reached within <c>Support:DeliveryTimeout</c>.</summary>
    public int SupportDeliveryFailures { get; set; }

    /// <summary>Runs this cancellation continued as new (a long escalation keeps each run's history bounded).</summary>
    public int ContinuedAsNew { get; set; }

    /// <summary>Steps left out of <see cref="Steps"/> when a long escalation continued as new (the first and the latest
    /// are kept).</summary>
    public int StepsOmitted { get; set; }

    /// <summary>Set by the API, never by the workflow: when a cancellation created with <c>notBefore</c> will start, while
    /// that time has not come (the workflow has run no code yet).</summary>
    public DateTimeOffset? ScheduledFor { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public DateTimeOffset? WatchUntil { get; set; }

    public bool Completed { get; set; }

    public string? TemporalWebUrl { get; set; }
}

/// <summary>One call to Antom's cancel (A3) or, for the refund fallback, its refund (RF1): when, what came back.
/// <c>NoAnswer</c> says why there was no answer (counted as U).</summary>
public sealed record CancelAttempt(int Number, DateTimeOffset Time, string ResultStatus, string? ResultCode, string? NoAnswer, string Classification);

/// <summary>A step of the story as people read it in Temporal Web and the API.</summary>
public sealed record CancelStep(DateTimeOffset Time, string Name, string Detail);

/// <summary>A notification that reached this workflow (PaymentNotified / RefundNotified).</summary>
public sealed record NotificationRecord(DateTimeOffset ReceivedAt, string Kind, string? Status, string? NotifyType, string? Detail);
