using CancelWorkflows.Antom.Notifications;

namespace CancelWorkflows.Service.Notifications;

/// <summary>
/// What became of one notification: the <c>verdict</c> tag of <c>cancelworkflows.notifications</c> and the <c>reason</c>
/// of a refusal's problem body. Acknowledged: the first six. Refused (4xx, Antom's re-sends will be refused too): the
/// <c>rejected-*</c> ones. Not acknowledged (5xx, Antom re-sends): the <c>temporal-*</c> ones.
/// </summary>
public static class NotificationVerdicts
{
    /// <summary>Signalled to the payment's running cancel workflow.</summary>
    public const string Accepted = "accepted";

    /// <summary>The cancel workflow had closed: signal-with-start of the payment's reconciliation workflow.</summary>
    public const string RoutedToReconciliation = "routed-to-reconciliation";

    /// <summary>The cancel workflow had closed and so had the payment's reconciliation (id reuse refused): nothing left to do.</summary>
    public const string ReconciliationClosed = "reconciliation-closed";

    /// <summary>No cancel workflow for this payment: a payment this service never cancelled. Acknowledged and ignored.</summary>
    public const string IgnoredUnknownPayment = "ignored-unknown-payment";

    /// <summary>A REFUND_RESULT that names no payment, as Antom sends them (refund ids only, docs/antom-api.md §4): it cannot
    /// be matched to a cancellation, so it is acknowledged (a refusal would only make Antom re-send it for 24 h), logged
    /// with its refund ids and counted. Reconciliations confirm refunds with inquiryPayment instead.</summary>
    public const string IgnoredUnroutableRefund = "ignored-unroutable-refund";

    /// <summary>Already recorded by a workflow of this payment (Antom's re-send, or a replay of a captured notification):
    /// acknowledged without a signal, known from this process's memory or the workflow's <c>HasNotification</c> query.</summary>
    public const string DuplicateBeforeSignal = "duplicate-before-signal";

    /// <summary>Verified for one Antom merchant, about a payment whose (closed) cancellation is another merchant's: not that
    /// payment's notification, so acknowledged and nothing started. (A running cancellation ignores such a signal itself.)</summary>
    public const string IgnoredOtherMerchant = "ignored-other-merchant";

    public const string RejectedBodyTooLarge = "rejected-body-too-large";

    /// <summary>The body could not be read (e.g. shorter than its Content-Length): 400, or Kestrel's own status.</summary>
    public const string RejectedUnreadableBody = "rejected-unreadable-body";
    public const string RejectedMissingHeaders = "rejected-missing-headers";
    public const string RejectedWrongClientId = "rejected-wrong-client-id";
    public const string RejectedStaleRequestTime = "rejected-stale-request-time";
    public const string RejectedBadSignature = "rejected-bad-signature";
    public const string RejectedMalformedJson = "rejected-malformed-json";
    public const string RejectedUnknownNotifyType = "rejected-unknown-notify-type";
    public const string RejectedMissingIds = "rejected-missing-ids";

    /// <summary>Temporal did not answer in time (unreachable, overloaded, timeout): not acknowledged, Antom re-sends.</summary>
    public const string TemporalUnavailable = "temporal-unavailable";

    /// <summary>Temporal answered with an error that is not about reachability: not acknowledged, logged as an error.</summary>
    public const string TemporalFailed = "temporal-failed";

    public static string Of(NotificationRejection rejection) => rejection switch
    {
        NotificationRejection.MissingHeaders => RejectedMissingHeaders,
        NotificationRejection.WrongClientId => RejectedWrongClientId,
        NotificationRejection.StaleRequestTime => RejectedStaleRequestTime,
        NotificationRejection.BadSignature => RejectedBadSignature,
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null),
    };

    public static string Of(NotificationParseError error) => error switch
    {
        NotificationParseError.MalformedJson => RejectedMalformedJson,
        NotificationParseError.UnknownNotifyType => RejectedUnknownNotifyType,
        NotificationParseError.MissingIds => RejectedMissingIds,
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };
}
