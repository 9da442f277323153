namespace CancelWorkflows.Workflows;

/// <summary>Names fixed by docs/design.md ("Interfaces that users and outside checks rely on"). The API, the worker,
/// cancelctl and outside checks all use these, so they live in one place.</summary>
public static class TemporalNames
{
    public const string TaskQueue = "cancel-payments";

    /// <summary>Callers' callbacks and the support webhook (<see cref="CallbackTaskQueueOf"/> of <see cref="TaskQueue"/>):
    /// calls to endpoints outside our control, on a worker of their own.</summary>
    public const string CallbackTaskQueue = TaskQueue + CallbackTaskQueueSuffix;

    public const string CallbackTaskQueueSuffix = "-callbacks";
    public const string CancelPaymentWorkflow = "CancelPaymentWorkflow";
    public const string StatusQuery = "Status";
    public const string HasNotificationQuery = "HasNotification";
    public const string PaymentNotifiedSignal = "PaymentNotified";
    public const string RefundNotifiedSignal = "RefundNotified";
    public const string ResolveEscalationSignal = "ResolveEscalation";
    public const string PromoExpiryWorkflow = "PromoExpiryWorkflow";
    public const string RefundReconciliationWorkflow = "RefundReconciliationWorkflow";
    public const string HoldDecidedSignal = "HoldDecided";

    /// <summary>The task queue of a workflow's outbound calls: its own queue's name + <c>-callbacks</c> (so a test's
    /// workflows on a queue of their own keep their callbacks apart too).</summary>
    public static string CallbackTaskQueueOf(string taskQueue) => taskQueue + CallbackTaskQueueSuffix;

    /// <summary>Schedule id of a promotion: <c>promo-expiry-&lt;promoId&gt;</c>.</summary>
    public static string PromoSchedule(string promoId) => $"promo-expiry-{promoId}";
}
