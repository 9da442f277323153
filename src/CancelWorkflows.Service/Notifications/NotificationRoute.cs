namespace CancelWorkflows.Service.Notifications;

/// <summary>Where a notification went. Every one of them is recorded in Temporal or deliberately ignorable: acknowledge.</summary>
public enum NotificationRoute
{
    /// <summary>Signalled to the payment's running cancel workflow.</summary>
    CancelWorkflow,

    /// <summary>The cancel workflow had closed: signal-with-start of the payment's reconciliation workflow (started, or
    /// signalled if already running).</summary>
    Reconciliation,

    /// <summary>The cancel workflow had closed and the payment's reconciliation had too: its id is never reused.</summary>
    ReconciliationClosed,

    /// <summary>No cancel workflow exists for this payment: this service never cancelled it.</summary>
    UnknownPayment,

    /// <summary>A workflow of this payment already recorded this notification (a re-send or a replay): not signalled
    /// again, so its history does not grow.</summary>
    AlreadyRecorded,

    /// <summary>The payment's cancellation is another Antom merchant's than the one whose key verified the notification:
    /// not about that payment (ids are unique per merchant only), so nothing is signalled or started.</summary>
    OtherMerchant,
}

/// <summary>The route taken and the workflow that got the notification (null for <see cref="NotificationRoute.UnknownPayment"/>).</summary>
public sealed record NotificationRouting(NotificationRoute Route, string? WorkflowId)
{
    public string Verdict => Route switch
    {
        NotificationRoute.CancelWorkflow => NotificationVerdicts.Accepted,
        NotificationRoute.Reconciliation => NotificationVerdicts.RoutedToReconciliation,
        NotificationRoute.ReconciliationClosed => NotificationVerdicts.ReconciliationClosed,
        NotificationRoute.AlreadyRecorded => NotificationVerdicts.DuplicateBeforeSignal,
        NotificationRoute.OtherMerchant => NotificationVerdicts.IgnoredOtherMerchant,
        _ => NotificationVerdicts.IgnoredUnknownPayment,
    };
}

/// <summary>The payment's cancel workflow kept changing state while the notification was being routed (a start racing
/// it): not recorded, so not acknowledged; Antom's re-send will find it settled.</summary>
public sealed class NotificationRoutingRaceException(string message) : Exception(message);
