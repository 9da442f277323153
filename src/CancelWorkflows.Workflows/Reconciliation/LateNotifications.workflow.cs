using CancelWorkflows.Workflows.Cancel;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary>The notifications a workflow received, deduplicated by notification id (Antom resends the same body for
/// 24 hours until acknowledged: a duplicate changes nothing).</summary>
public sealed class LateNotifications
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public LateNotifications()
    {
    }

    /// <summary>Restores what an earlier run of the same workflow had received (continue-as-new).</summary>
    public LateNotifications(LateNotificationsState? state)
    {
        if (state is null)
        {
            return;
        }

        seen.UnionWith(state.Seen);
        Success = state.Success;
        Failure = state.Failure;
        Refunds.AddRange(state.Refunds);
        Duplicates = state.Duplicates;
    }

    /// <summary>The first PAYMENT_RESULT with S: the buyer paid.</summary>
    public PaymentNotice? Success { get; private set; }

    /// <summary>The first PAYMENT_RESULT with F: the payment failed, no refund is needed.</summary>
    public PaymentNotice? Failure { get; private set; }

    public List<RefundNotice> Refunds { get; } = [];

    public int Duplicates { get; private set; }

    /// <summary>True when a notification with this id was received (read-only: safe in a query).</summary>
    public bool Has(string? notificationId) => notificationId is not null && seen.Contains(notificationId);

    /// <summary>True when the notification is new; a notification without an id is always taken.</summary>
    private bool Accept(string? notificationId)
    {
        if (notificationId is null || seen.Add(notificationId))
        {
            return true;
        }

        Duplicates++;
        return false;
    }

    private void Take(PaymentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.NotifyType != "PAYMENT_RESULT")
        {
            return;
        }

        if (notice.ResultStatus == "S")
        {
            Success ??= notice;
        }
        else if (notice.ResultStatus == "F")
        {
            Failure ??= notice;
        }
    }

    /// <summary>Records a new notifyPayment in the story; false (and counted) for a duplicate.</summary>
    public bool Receive(CancelStatus status, PaymentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(notice);
        if (!Accept(notice.NotificationId))
        {
            status.DuplicateNotifications++;
            return false;
        }

        status.Notifications.Add(new(Workflow.UtcNow, "payment", notice.ResultStatus, notice.NotifyType, notice.ResultCode));
        status.PaymentRequestId ??= notice.PaymentRequestId;
        status.PaymentId ??= notice.PaymentId;
        Take(notice);
        return true;
    }

    /// <summary>Records a new notifyRefund in the story; false (and counted) for a duplicate.</summary>
    public bool Receive(CancelStatus status, RefundNotice notice)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(notice);
        if (!Accept(notice.NotificationId))
        {
            status.DuplicateNotifications++;
            return false;
        }

        status.Notifications.Add(new(Workflow.UtcNow, "refund", notice.RefundStatus, "REFUND_RESULT", notice.RefundId));
        Refunds.Add(notice);
        return true;
    }

    public RefundNotice? SucceededRefund => Refunds.FirstOrDefault(r => r.RefundStatus == "SUCCESS");

    /// <summary>What this run received, for the next run (ids in a stable order).</summary>
    public LateNotificationsState Snapshot() =>
        new([.. seen.Order(StringComparer.Ordinal)], Success, Failure, [.. Refunds], Duplicates);
}

/// <summary>The notifications a run received, carried across continue-as-new so a re-send stays a duplicate.</summary>
public sealed record LateNotificationsState(
    IReadOnlyList<string> Seen, PaymentNotice? Success, PaymentNotice? Failure, IReadOnlyList<RefundNotice> Refunds, int Duplicates);
