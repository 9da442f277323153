using CancelWorkflows.Workflows.Cancel;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary>
/// A final notifyRefund for the refund fallback's own refund (RF6) that arrives after the cancellation closed. After
/// <see cref="CancelOutcomes.RefundPending"/> it is the answer nobody had: recorded as the refund's state (Succeeded or
/// Failed; the outcome stays RefundPending, the history of what was known at the close), sent to the booking service as
/// <c>refund-result</c>, and to support as a follow-up of the case the pending refund opened. After
/// <see cref="CancelOutcomes.Refunded"/> it only confirms what is known. Gated by <see cref="CancelPatches.LateRefundResult"/>.
/// </summary>
public sealed class LateRefundResult(CancelStatus status, LateNotifications notices, ReconciliationRequest request, CallerCallbacks callbacks)
{
    private readonly string? refundRequestId = request.CancelWorkflowId is { Length: > 0 } id ? RefundRequestIds.For(id) : null;
    private int looked;

    /// <summary>A refund notice not looked at yet.</summary>
    public bool Due => looked < notices.Refunds.Count;

    public async Task RunAsync()
    {
        while (looked < notices.Refunds.Count)
        {
            var notice = notices.Refunds[looked++];
            if (refundRequestId is null || notice.RefundRequestId != refundRequestId || notice.RefundStatus is not ("SUCCESS" or "FAIL"))
            {
                continue;
            }

            if (request.CancelOutcome == CancelOutcomes.Refunded)
            {
                status.Step("duplicate refund confirmation", $"notifyRefund {notice.RefundStatus} for {refundRequestId}: the cancellation already closed Refunded");
                continue;
            }

            if (request.CancelOutcome != CancelOutcomes.RefundPending || status.RefundFallback is not null
                || !Workflow.Patched(CancelPatches.LateRefundResult))
            {
                continue;
            }

            await RecordAsync(notice);
        }
    }

    private async Task RecordAsync(RefundNotice notice)
    {
        var succeeded = notice.RefundStatus == "SUCCESS";
        status.RefundFallback = new RefundFallbackState
        {
            RefundRequestId = refundRequestId,
            RefundId = notice.RefundId,
            Currency = notice.Currency,
            Value = notice.Value,
            State = succeeded ? RefundFallbackStates.Succeeded : RefundFallbackStates.Failed,
            RefundTime = succeeded && DateTimeOffset.TryParse(notice.RefundTime, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : null,
            ConfirmedBy = "late notifyRefund",
        };
        status.Step(
            "late refund result",
            $"notifyRefund {notice.RefundStatus} for {refundRequestId} after {request.CancelWorkflowId} closed RefundPending: refund {status.RefundFallback.State}; the outcome stays RefundPending (RF6)");
        callbacks.Send("refund-result", status);

        // The pending refund opened a support case; this closes the question it asked.
        await status.NotifySupportAsync(
            $"follow-up to {request.CancelWorkflowId} (RefundPending): Antom's late notifyRefund says the refund {refundRequestId} {(succeeded ? "succeeded" : "failed")}",
            null,
            request.Settings.SupportDeliveryTimeout);
    }
}
