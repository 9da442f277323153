using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Reconciliation;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Cancel;

/// <summary>The outcome-setting part of <see cref="CancelPaymentWorkflow"/> the refund path uses: outcome, rule, Antom's
/// resultCode, detail.</summary>
public delegate void OutcomeFinisher(string outcome, string? rule, string? resultCode, string detail);

/// <summary>
/// The refund fallback (<see cref="CancelFallbacks.Refund"/>, gated by <see cref="CancelPatches.RefundFallback"/>): a paid
/// payment that can no longer be cancelled is refunded in full instead. One refundRequestId per cancellation
/// (<see cref="RefundRequestIds"/>), so a resend never refunds twice (RF1); U or no answer → the same request again after
/// <c>Cancel:RetryDelays</c>, at most three resends, then one inquiryRefund and support (A4); REFUND_IN_PROCESS → wait for
/// notifyRefund, asking inquiryRefund with a backoff, until <c>Cancel:ReconciliationSla</c> (RF6); a method that does not
/// refund (RF4) or an F → the outcome says so and support is told.
/// </summary>
public sealed class RefundFallback(CancelStatus status, LateNotifications notices, CancelSettings settings, OutcomeFinisher finish, Action flush)
{
    /// <summary>Refunds instead of cancelling. Returns why support must take over (A4), or null when the outcome is decided.</summary>
    public async Task<string?> RunAsync(string notCancellable)
    {
        var state = new RefundFallbackState
        {
            NotCancellable = notCancellable,
            RefundRequestId = RefundRequestIds.For(Workflow.Info.WorkflowId),
            PaymentId = status.PaymentId,
            PaymentMethod = status.PaymentMethod,
            Currency = status.PaymentCurrency,
            Value = status.PaymentValue,
            OpenedAt = Workflow.UtcNow,
        };
        status.RefundFallback = state;
        status.Step("refund instead", $"not cancellable ({notCancellable}); the request asked for a full refund instead: {state.Value} {state.Currency}, refundRequestId {state.RefundRequestId}");
        if (state.PaymentId is not { } paymentId || state.Currency is not { } currency || state.Value is not { } value)
        {
            state.State = RefundFallbackStates.Unknown;
            return $"refund instead of cancel not sent: inquiryPayment gave no paymentId or amount to refund; nothing was refunded ({notCancellable})";
        }

        var delays = settings.RetryDelays;
        var total = delays.Count + 1;
        for (var attempt = 1; attempt <= total; attempt++)
        {
            var result = await CallAsync(state, new(state.RefundRequestId, paymentId, currency, value, state.PaymentMethod, attempt, status.PaymentRequestId, status.AntomMerchant), total);
            var c = result.Classification;
            switch (c.Kind)
            {
                case RefundAnswerKind.Refunded:
                    Succeeded(state, "refund answer", result.RefundId, result.RefundTime, c.ResultCode);
                    return null;
                case RefundAnswerKind.Processing:
                    state.RefundId ??= result.RefundId;
                    await AwaitResultAsync(state);
                    return null;
                case RefundAnswerKind.Rejected:
                    // After an attempt without a final answer, Antom may have refunded on it: an F now must not become
                    // "nothing was refunded" unless inquiryRefund does not show the refund through.
                    if (state.Attempts.Count > 1 && await InquireAsync(state, $"did an earlier attempt refund it? (attempt {attempt} answered {c.ResultStatus} {c.ResultCode})") is { } earlier
                        && await SettleAsync(state, earlier, "inquiryRefund"))
                    {
                        return null;
                    }

                    await RejectedAsync(state, c);
                    return null;
            }

            if (attempt < total)
            {
                var delay = delays[attempt - 1];
                status.Step("refund U-retry scheduled", $"retry {attempt} of {delays.Count} in {delay} (RF1: same refundRequestId, never a second refund)");
                WorkflowStory.SetDetails($"Refund outcome unknown (U) after attempt {attempt}; retry {attempt} of {delays.Count} in {delay}.");
                flush();
                await Workflow.DelayWithOptionsAsync(new(delay, $"refund U-retry {attempt} of {delays.Count} after {delay}"));
            }
        }

        // Before handing over (A4): one inquiryRefund; Antom may have refunded on an attempt whose answer was U.
        if (await InquireAsync(state, "last inquiry before escalation") is { } shown && await SettleAsync(state, shown, "inquiryRefund"))
        {
            return null;
        }

        state.State = RefundFallbackStates.Unknown;
        return $"refund answered U {state.Attempts.Count} times (RF1, A4): refundRequestId {state.RefundRequestId}, {value} {currency} of payment {paymentId}; " +
            $"not cancellable because {notCancellable}; inquiryRefund showed no result";
    }

    /// <summary>While escalated after U answers: does inquiryRefund show the refund through after all?</summary>
    public async Task<bool> RefundedAfterAllAsync()
    {
        var state = status.RefundFallback!;
        var shown = await InquireAsync(state, "escalated: is it refunded after all?");
        if (shown?.RefundStatus != "SUCCESS")
        {
            return false;
        }

        state.State = RefundFallbackStates.Succeeded;
        state.RefundId ??= shown.RefundId;
        state.ConfirmedBy = "inquiryRefund";
        return true;
    }

    private async Task<RefundCallResult> CallAsync(RefundFallbackState state, RefundCallInput input, int total)
    {
        RefundCallResult result;
        try
        {
            result = await Workflow.ExecuteActivityAsync(
                (AntomActivities a) => a.RefundPaymentAsync(input),
                new()
                {
                    // As the cancel call: the client's own deadline plus the margin; a call lost with its worker is a U.
                    StartToCloseTimeout = settings.AntomActivityTimeout(),
                    RetryPolicy = new() { MaximumAttempts = 1 },
                    Summary = $"refund attempt {input.Attempt} of {total}",
                });
        }
        catch (ActivityFailureException e)
        {
            // The call's result never reached us (worker died mid-call, timeout): no answer, which is U (RF1).
            result = new(RefundAnswerClassifier.NoAnswer(e.InnerException?.Message ?? e.Message), true, null, null, "ActivityFailed", e.Message);
        }

        var c = result.Classification;
        if (result.Sent)
        {
            state.Attempts.Add(new(input.Attempt, Workflow.UtcNow, c.ResultStatus ?? "U", c.ResultCode, result.NoAnswer, c.Kind.ToString()));
        }

        status.Step($"refund attempt {input.Attempt}", result.Sent
            ? $"{c.ResultStatus ?? "U"} {c.ResultCode ?? result.NoAnswer ?? string.Empty} → {c.Kind}".TrimEnd()
            : $"not sent: {c.Detail}");
        return result;
    }

    /// <summary>RF6: accepted (REFUND_IN_PROCESS); the result follows by notifyRefund, or inquiryRefund (asked with a backoff
    /// from <c>Cancel:ReconciliationPollInterval</c>, doubling up to four times it), until <c>Cancel:ReconciliationSla</c>.</summary>
    private async Task AwaitResultAsync(RefundFallbackState state)
    {
        state.State = RefundFallbackStates.Processing;
        var deadline = Workflow.UtcNow + settings.ReconciliationSla;
        var interval = settings.ReconciliationPollInterval;
        var longest = settings.ReconciliationPollInterval * 4;
        while (true)
        {
            if (Notified(state) is { } notice)
            {
                state.RefundId ??= notice.RefundId;
                if (await SettleAsync(state, new(notice.RefundStatus, notice.RefundId, notice.RefundTime, "notifyRefund"), "notifyRefund"))
                {
                    return;
                }
            }

            var left = deadline - Workflow.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                state.State = RefundFallbackStates.Unconfirmed;
                var detail = $"Antom accepted the refund {state.RefundRequestId} ({state.Value} {state.Currency}) but confirmed no result within {settings.ReconciliationSla} (RF6); support follows it";
                status.Advice = RefundAdvice.AwaitResult;
                finish(CancelOutcomes.RefundPending, RefundRules.RF6, RefundResultCodes.RefundInProcess, detail);
                await status.NotifySupportAsync(detail, null, settings.SupportDeliveryTimeout);
                return;
            }

            WorkflowStory.SetDetails($"Refund {state.RefundRequestId} in process: waiting for notifyRefund; next inquiryRefund in {(left < interval ? left : interval)}.");
            flush();
            if (await Workflow.WaitConditionWithOptionsAsync(new(() => Notified(state) is not null, left < interval ? left : interval, "refund in process: waiting for notifyRefund or the next inquiry")))
            {
                continue;
            }

            if (await InquireAsync(state, "is the refund through?") is { } shown && await SettleAsync(state, shown, "inquiryRefund"))
            {
                return;
            }

            interval = interval * 2 < longest ? interval * 2 : longest;
        }
    }

    /// <summary>A final refund status decides the outcome; PROCESSING or none does not (false).</summary>
    private async Task<bool> SettleAsync(RefundFallbackState state, RefundInquiryResult shown, string by)
    {
        switch (shown.RefundStatus)
        {
            case "SUCCESS":
                Succeeded(state, by, shown.RefundId, shown.RefundTime, null);
                return true;
            case "FAIL":
                state.RefundId ??= shown.RefundId;
                state.State = RefundFallbackStates.Failed;
                state.ConfirmedBy = by;
                var detail = $"Antom reported the refund {state.RefundRequestId} FAIL ({by}); nothing was refunded, support was told";
                status.Advice = RefundAdvice.RefundOutsideAntom;
                finish(CancelOutcomes.RefundFailed, RefundRules.RF6, null, detail);
                await status.NotifySupportAsync(detail, null, settings.SupportDeliveryTimeout);
                return true;
            case "PROCESSING" when state.State != RefundFallbackStates.Processing:
                state.RefundId ??= shown.RefundId;
                await AwaitResultAsync(state);
                return true;
            default:
                return false;
        }
    }

    private void Succeeded(RefundFallbackState state, string by, string? refundId, string? refundTime, string? resultCode)
    {
        state.State = RefundFallbackStates.Succeeded;
        state.RefundId ??= refundId;
        state.RefundTime = PaymentSnapshots.ParseTime(refundTime) ?? Workflow.UtcNow;
        state.ConfirmedBy = by;
        status.Advice = null;
        finish(CancelOutcomes.Refunded, RefundRules.RF6, resultCode, $"not cancellable ({state.NotCancellable}); refunded in full instead: {state.Value} {state.Currency}, refund {state.RefundId ?? state.RefundRequestId} (confirmed by {by})");
    }

    /// <summary>An F (or, before any call, the catalogue's notSupported): nothing was refunded; the outcome says why and
    /// support is told, since the buyer's money must still be returned another way.</summary>
    private async Task RejectedAsync(RefundFallbackState state, RefundAnswerClassification c)
    {
        var notRefundable = c.Rejection == RefundRejection.MethodNotRefundable;
        state.State = notRefundable ? RefundFallbackStates.NotRefundable : RefundFallbackStates.Failed;
        status.Advice = c.Advice;
        status.NeedsEngineer = c.Rejection == RefundRejection.ConfigurationError;
        var why = c.ResultCode is null ? c.Detail : $"Antom answered {c.ResultStatus} {c.ResultCode}: {c.Detail}";
        var detail = notRefundable
            ? $"not cancellable ({state.NotCancellable}) and not refundable through Antom (RF4): {why}; nothing was refunded, support was told"
            : $"not cancellable ({state.NotCancellable}); the refund was refused ({why}); nothing was refunded, support was told";
        finish(notRefundable ? CancelOutcomes.NotRefundable : CancelOutcomes.RefundFailed, c.Rule, c.ResultCode, detail);
        await status.NotifySupportAsync(detail, null, settings.SupportDeliveryTimeout);
    }

    private async Task<RefundInquiryResult?> InquireAsync(RefundFallbackState state, string why)
    {
        state.Inquiries++;
        try
        {
            var shown = await Workflow.ExecuteActivityAsync(
                (AntomActivities a) => a.InquireRefundAsync(new(state.RefundRequestId!, state.RefundId, status.PaymentRequestId, status.AntomMerchant)),
                new()
                {
                    StartToCloseTimeout = settings.AntomActivityTimeout(),
                    RetryPolicy = new RetryPolicy { MaximumAttempts = 3, NonRetryableErrorTypes = [AntomActivities.ConfigurationErrorType] },
                    Summary = $"inquiryRefund: {why}",
                });
            status.Step("refund inquiry", $"{why}: {shown.Detail}");
            return shown;
        }
        catch (ActivityFailureException e)
        {
            status.Step("refund inquiry", $"{why}: failed ({e.InnerException?.Message ?? e.Message})");
            return null;
        }
    }

    /// <summary>A final notifyRefund for this refund (the ingress routes it by the payment; this picks ours by its ids).</summary>
    private RefundNotice? Notified(RefundFallbackState state) => notices.Refunds.FirstOrDefault(r =>
        r.RefundStatus is "SUCCESS" or "FAIL"
        && (r.RefundRequestId == state.RefundRequestId || (state.RefundId is not null && r.RefundId == state.RefundId)));
}
