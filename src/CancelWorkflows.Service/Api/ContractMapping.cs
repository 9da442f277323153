using CancelWorkflows.Contracts;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Reconciliation;
using Temporalio.Client;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The one place where the workflows' own state (and Temporal's view of them) becomes the API's wire contracts: the API
/// never answers with a workflow object, so a field added to <see cref="CancelStatus"/> or <see cref="PromoProgress"/> reaches callers only when it is
/// added here (one line) and to the contract. <c>ContractMappingTests</c> fails when either gains a property this mapping
/// does not carry.
/// </summary>
public static class ContractMapping
{
    public static CancellationStatus ToContract(this CancelStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new CancellationStatus
        {
            WorkflowId = status.WorkflowId,
            RunId = status.RunId,
            PaymentRequestId = status.PaymentRequestId,
            PaymentId = status.PaymentId,
            BookingRef = status.BookingRef,
            Merchant = status.Merchant,
            AntomMerchant = status.AntomMerchant,
            Fallback = status.Fallback,
            FallbackSource = status.FallbackSource,
            RequestedBy = status.RequestedBy,
            Reason = status.Reason,
            Outcome = status.Outcome,
            Rule = status.Rule,
            ResultCode = status.ResultCode,
            Advice = status.Advice,
            Detail = status.Detail,
            CancelTime = status.CancelTime,
            PaymentMethod = status.PaymentMethod,
            PaymentMethodKnown = status.PaymentMethodKnown,
            PaymentStatusAtStart = status.PaymentStatusAtStart,
            PaymentCurrency = status.PaymentCurrency,
            PaymentValue = status.PaymentValue,
            DuplicateNotifications = status.DuplicateNotifications,
            EligibilityRule = status.EligibilityRule,
            Attempts = [.. status.Attempts.Select(ToContract)],
            Steps = [.. status.Steps.Select(s => new CancellationStep(s.Time, s.Name, s.Detail))],
            Notifications = [.. status.Notifications.Select(n => new CancellationNotification(n.ReceivedAt, n.Kind, n.Status, n.NotifyType, n.Detail))],
            Escalated = status.Escalated,
            EscalationNotices = status.EscalationNotices,
            Resolution = status.Resolution is { } r ? new EscalationResolutionInfo(r.Outcome, r.ResolvedBy, r.Note, r.ResolvedAt) : null,
            LateSuccess = status.LateSuccess,
            Reconciliation = status.Reconciliation?.ToContract(),
            RefundFallback = status.RefundFallback?.ToContract(),
            NeedsEngineer = status.NeedsEngineer,
            EligibilityUnknown = status.EligibilityUnknown,
            IgnoredSignals = status.IgnoredSignals,
            SupportDeliveryFailures = status.SupportDeliveryFailures,
            ContinuedAsNew = status.ContinuedAsNew,
            StepsOmitted = status.StepsOmitted,
            ScheduledFor = status.ScheduledFor,
            StartedAt = status.StartedAt,
            DecidedAt = status.DecidedAt,
            WatchUntil = status.WatchUntil,
            Completed = status.Completed,
            TemporalWebUrl = status.TemporalWebUrl,
        };
    }

    public static RefundFallbackInfo ToContract(this RefundFallbackState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new RefundFallbackInfo
        {
            NotCancellable = state.NotCancellable,
            RefundRequestId = state.RefundRequestId,
            RefundId = state.RefundId,
            PaymentId = state.PaymentId,
            PaymentMethod = state.PaymentMethod,
            Currency = state.Currency,
            Value = state.Value,
            State = state.State,
            Attempts = [.. state.Attempts.Select(ToContract)],
            OpenedAt = state.OpenedAt,
            RefundTime = state.RefundTime,
            ConfirmedBy = state.ConfirmedBy,
            Inquiries = state.Inquiries,
        };
    }

    public static CancellationAttempt ToContract(this CancelAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Number, attempt.Time, attempt.ResultStatus, attempt.ResultCode, attempt.NoAnswer, attempt.Classification);
    }

    public static RefundReconciliation ToContract(this RefundReconciliationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new RefundReconciliation
        {
            State = state.State,
            Reason = state.Reason,
            Currency = state.Currency,
            Value = state.Value,
            OpenedAt = state.OpenedAt,
            ConfirmedAt = state.ConfirmedAt,
            ConfirmedBy = state.ConfirmedBy,
            RefundId = state.RefundId,
            PaymentStatusSeen = state.PaymentStatusSeen,
            CallerInformed = state.CallerInformed,
            SupportNotices = state.SupportNotices,
        };
    }

    public static PromotionSummary ToContract(this PromoProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new PromotionSummary
        {
            PromoId = progress.PromoId,
            PageToken = progress.PageToken,
            LastPageRead = progress.LastPageRead,
            PagesRead = progress.PagesRead,
            HoldsListed = progress.HoldsListed,
            Started = progress.Started,
            AlreadyHandled = progress.AlreadyHandled,
            InFlight = progress.InFlight,
            StartedThisRun = progress.StartedThisRun,
            CarriedHolds = progress.CarriedHolds,
            WaitingHolds = progress.WaitingHolds,
            ByOutcome = new SortedDictionary<string, int>(progress.ByOutcome, StringComparer.Ordinal),
            PaidLeftAlone = progress.PaidLeftAlone,
            StatusUnreadable = progress.StatusUnreadable,
            Escalations = progress.Escalations,
            LateSuccesses = progress.LateSuccesses,
            Failed = progress.Failed,
            Runs = progress.Runs,
            StartedAt = progress.StartedAt,
            FinishedAt = progress.FinishedAt,
            Completed = progress.Completed,
            Finished = progress.Finished,
        };
    }

    /// <summary>One cancellation in a listing, from Temporal visibility (search attributes only; no Status query).</summary>
    public static CancellationSummary ToCancellationSummary(this WorkflowExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var attributes = execution.TypedSearchAttributes;
        return new CancellationSummary
        {
            WorkflowId = execution.Id,
            RunId = execution.RunId,
            PaymentRequestId = attributes.TryGetValue(CancelSearchAttributes.PaymentRequestId, out var prid) ? prid : null,
            PaymentId = attributes.TryGetValue(CancelSearchAttributes.PaymentId, out var pid) ? pid : null,
            Outcome = attributes.TryGetValue(CancelSearchAttributes.CancelOutcome, out var outcome) ? outcome : null,
            Escalated = attributes.TryGetValue(CancelSearchAttributes.Escalated, out var escalated) && escalated,
            LateSuccess = attributes.TryGetValue(CancelSearchAttributes.LateSuccess, out var late) && late,
            RefundState = attributes.TryGetValue(CancelSearchAttributes.RefundState, out var refund) ? refund : null,
            Merchant = attributes.TryGetValue(CancelSearchAttributes.Merchant, out var merchant) ? merchant : null,
            BookingRef = attributes.TryGetValue(CancelSearchAttributes.BookingRef, out var booking) ? booking : null,
            RequestedBy = attributes.TryGetValue(CancelSearchAttributes.RequestedBy, out var requestedBy) ? requestedBy : null,
            StartTime = Utc(execution.StartTime),
            CloseTime = execution.CloseTime is { } close ? Utc(close) : null,
            Status = execution.Status.ToString(),
        };
    }

    /// <summary>Temporal's times are UTC <see cref="DateTime"/>s.</summary>
    public static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
