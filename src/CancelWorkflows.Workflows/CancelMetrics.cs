namespace CancelWorkflows.Workflows;

/// <summary>
/// The names, units and tags of the metrics the workflows and activities record (through Temporal's metric meter, which
/// the host bridges to OpenTelemetry). OpenTelemetry naming: dotted lowercase names, UCUM units. Prometheus sees them
/// with dots as underscores, the unit as a suffix (<c>_seconds</c>) and <c>_total</c> on counters. The README's metrics
/// table lists them with the host's own; deploy/observability uses them.
/// </summary>
public static class CancelMetrics
{
    /// <summary>Counter: cancellations that reached an outcome. Tags <see cref="OutcomeTag"/>, <see cref="RuleTag"/>.</summary>
    public const string CancellationsFinished = "cancelworkflows.cancellations.finished";

    /// <summary>Histogram, seconds: from the workflow's start to its outcome. Tag <see cref="OutcomeTag"/>.</summary>
    public const string CancellationDuration = "cancelworkflows.cancellation.duration";

    /// <summary>Counter: cancel calls resent after a U answer (A3).</summary>
    public const string URetries = "cancelworkflows.cancel.u_retries";

    /// <summary>Counter: cancel calls made, by what Antom answered. Tags <see cref="ResultTag"/>, <see cref="ResultCodeTag"/>.</summary>
    public const string CancelAttempts = "cancelworkflows.cancel.attempts";

    /// <summary>Histogram, seconds: one Antom call, send to answer (or to giving up). Tags <see cref="ApiTag"/>, <see cref="ResultTag"/>.</summary>
    public const string AntomCallDuration = "cancelworkflows.antom.call.duration";

    /// <summary>Counter: cancellations handed to support (A4).</summary>
    public const string EscalationsOpened = "cancelworkflows.escalations.opened";

    /// <summary>Counter: escalations support resolved (A4).</summary>
    public const string EscalationsResolved = "cancelworkflows.escalations.resolved";

    /// <summary>Counter: payments that succeeded after their cancel (C5).</summary>
    public const string LateSuccesses = "cancelworkflows.late_successes";

    /// <summary>Counter: refund reconciliations reaching each state (opened as Expected, then Confirmed or Escalated;
    /// NotNeeded for a success that owed no refund). Tag <see cref="StateTag"/>.</summary>
    public const string Reconciliations = "cancelworkflows.reconciliations";

    /// <summary>Counter: support notices not delivered within Support:DeliveryTimeout.</summary>
    public const string SupportDeliveryFailures = "cancelworkflows.support.delivery_failures";

    /// <summary>Counter: caller callbacks attempted. Tag <see cref="ResultTag"/> (delivered, failed).</summary>
    public const string CallbacksSent = "cancelworkflows.callbacks.sent";

    /// <summary>Counter: support notices attempted. Tag <see cref="ResultTag"/> (delivered, failed, not_delivered).</summary>
    public const string SupportNoticesSent = "cancelworkflows.support.notices.sent";

    /// <summary>Counter: eligibility checks of a payment whose method the catalogue does not know. Tag <c>method</c>.</summary>
    public const string UnknownPaymentMethod = "cancelworkflows.eligibility.unknown_payment_method";

    public const string OutcomeTag = "outcome";
    public const string RuleTag = "rule";
    public const string ResultTag = "result";
    public const string ResultCodeTag = "result_code";
    public const string ApiTag = "api";
    public const string StateTag = "state";

    /// <summary><see cref="ResultTag"/> of an Antom call that got no answer (timeout, connection, bad signature).</summary>
    public const string NoAnswer = "no_answer";

    public const string Delivered = "delivered";
    public const string Failed = "failed";

    /// <summary>A support notice only logged (no Support:WebhookUrl).</summary>
    public const string NotDelivered = "not_delivered";
}
