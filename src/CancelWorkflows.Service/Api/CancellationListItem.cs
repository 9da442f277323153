using CancelWorkflows.Workflows;
using Temporalio.Client;

namespace CancelWorkflows.Service.Api;

/// <summary>One cancellation in a listing, from Temporal visibility (search attributes only; no Status query).</summary>
public sealed record CancellationListItem(
    string WorkflowId,
    string RunId,
    string? PaymentRequestId,
    string? PaymentId,
    string? Outcome,
    bool Escalated,
    bool LateSuccess,
    string? RefundState,
    string? Merchant,
    string? BookingRef,
    string? RequestedBy,
    DateTimeOffset StartTime,
    DateTimeOffset? CloseTime,
    string Status)
{
    public static CancellationListItem From(WorkflowExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var attributes = execution.TypedSearchAttributes;
        return new(
            execution.Id,
            execution.RunId,
            attributes.TryGetValue(CancelSearchAttributes.PaymentRequestId, out var prid) ? prid : null,
            attributes.TryGetValue(CancelSearchAttributes.PaymentId, out var pid) ? pid : null,
            attributes.TryGetValue(CancelSearchAttributes.CancelOutcome, out var outcome) ? outcome : null,
            attributes.TryGetValue(CancelSearchAttributes.Escalated, out var escalated) && escalated,
            attributes.TryGetValue(CancelSearchAttributes.LateSuccess, out var late) && late,
            attributes.TryGetValue(CancelSearchAttributes.RefundState, out var refund) ? refund : null,
            attributes.TryGetValue(CancelSearchAttributes.Merchant, out var merchant) ? merchant : null,
            attributes.TryGetValue(CancelSearchAttributes.BookingRef, out var booking) ? booking : null,
            attributes.TryGetValue(CancelSearchAttributes.RequestedBy, out var requestedBy) ? requestedBy : null,
            new DateTimeOffset(DateTime.SpecifyKind(execution.StartTime, DateTimeKind.Utc)),
            execution.CloseTime is { } close ? new DateTimeOffset(DateTime.SpecifyKind(close, DateTimeKind.Utc)) : null,
            execution.Status.ToString());
    }
}
