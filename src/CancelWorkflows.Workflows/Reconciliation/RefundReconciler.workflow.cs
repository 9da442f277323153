using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary>
/// Late success → refund reconciliation (C2, C4, C5), shared by <see cref="CancelPaymentWorkflow"/> (notification during
/// or after the cancel) and <see cref="RefundReconciliationWorkflow"/> (notification after the cancel workflow closed):
/// record the refund Antom owes, confirm it with Antom (refund notification, the payment's REFUND transaction,
/// inquiryRefund), tell the booking service, and hand it to support when confirmation does not come within the SLA.
/// </summary>
public sealed class RefundReconciler(CancelStatus status, LateNotifications notices, CancelSettings settings, CallerCallbacks callbacks)
{
    /// <summary>A success was notified and the payment is (or was) cancelled by us: a refund is owed.</summary>
    public bool Due => notices.Success is not null && status.Reconciliation is null && PaymentWasCancelled(status);

    /// <summary>A success was notified but the outcome says we did not cancel: nothing to refund here.</summary>
    public bool NotNeeded => notices.Success is not null && status.Reconciliation is null && status.Outcome is not null
        && !PaymentWasCancelled(status) && status.Outcome != CancelOutcomes.Escalated;

    /// <summary>The reconciliation workflow's handling of a late refund result (null in the cancel workflow, which records
    /// its own refund's notices).</summary>
    public LateRefundResult? LateRefund { get; init; }

    public static bool PaymentWasCancelled(CancelStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Outcome is CancelOutcomes.Cancelled or CancelOutcomes.AlreadyCancelled
            || (status.Outcome == CancelOutcomes.Resolved
                && (status.Resolution is null || string.Equals(status.Resolution.Outcome, "Cancelled", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Records that a success needs no refund from us (the payment was not cancelled).</summary>
    public void RecordNotNeeded()
    {
        // After the refund fallback the payment does not "stand": its success is what was refunded (or is being refunded,
        // or support was told why it could not be); say so, not "no refund is owed".
        var (reason, step) = status.Outcome is CancelOutcomes.Refunded or CancelOutcomes.RefundPending or CancelOutcomes.RefundFailed or CancelOutcomes.NotRefundable
            ? ($"paid; outcome {status.Outcome}: the refund fallback already handles this payment, no second refund",
                $"outcome {status.Outcome}: this success is the payment the refund fallback refunds instead of cancelling (see refundFallback); nothing more to refund")
            : ($"paid; outcome {status.Outcome}: no cancel, no refund owed", $"outcome {status.Outcome}: the payment stands, no refund is owed");
        status.Reconciliation = new RefundReconciliationState { State = RefundStates.NotNeeded, OpenedAt = Workflow.UtcNow, Reason = reason };
        WorkflowStory.Upsert(CancelSearchAttributes.RefundState.ValueSet(RefundStates.NotNeeded));
        status.Step("payment success noted", step);
        CountState(RefundStates.NotNeeded);
    }

    /// <summary>Stays open until <paramref name="until"/> for late notifications (Antom retries for 24 h), reconciling
    /// each refund that becomes due; a reconciliation in progress is finished first. <paramref name="until"/> is read
    /// again whenever the workflow wakes, so a caller may extend the window (e.g. on every new notification).</summary>
    public async Task WatchAsync(Func<DateTimeOffset> until, string timerSummary)
    {
        ArgumentNullException.ThrowIfNull(until);
        while (true)
        {
            if (Due)
            {
                await RunAsync();
            }
            else if (NotNeeded)
            {
                RecordNotNeeded();
            }

            if (LateRefund is { Due: true } late)
            {
                await late.RunAsync();
            }

            var deadline = until();
            var left = deadline - Workflow.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Workflow.WaitConditionWithOptionsAsync(new(() => Due || NotNeeded || LateRefund?.Due == true || until() != deadline, left, timerSummary));
        }
    }

    /// <summary>
    /// <see cref="WatchAsync"/>, then waits for the last callbacks; a success that arrived while they drained (the
    /// booking service's endpoint may keep them for up to a day) is reconciled before the workflow may complete, and
    /// so on until nothing is due. Runs that drained before this existed replay as they ran
    /// (<see cref="CancelPatches.ReconcileSuccessDuringDrain"/>).
    /// </summary>
    public async Task WatchThenDrainAsync(Func<DateTimeOffset> until, string timerSummary)
    {
        while (true)
        {
            await WatchAsync(until, timerSummary);
            await callbacks.DrainAsync(status);

            // Every signal already delivered runs before the check, so none is left for a run that is about to complete.
            await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
            if (!(Due || NotNeeded) || !Workflow.Patched(CancelPatches.ReconcileSuccessDuringDrain))
            {
                return;
            }

            status.Step("notification during the last callbacks", "a payment success arrived while the last callbacks were delivered: reconciled before completing");
        }
    }

    public async Task RunAsync()
    {
        var success = notices.Success!;
        var state = new RefundReconciliationState
        {
            OpenedAt = Workflow.UtcNow,
            Currency = success.Currency ?? status.PaymentCurrency,
            Value = success.Value ?? status.PaymentValue,
        };
        status.Reconciliation = state;
        status.LateSuccess = true;
        WorkflowStory.Upsert(
            CancelSearchAttributes.LateSuccess.ValueSet(true),
            CancelSearchAttributes.RefundState.ValueSet(RefundStates.Expected));
        status.Step(
            "reconciliation opened",
            $"paid after the cancel: the payment stays CANCELLED (C4) and Antom refunds {state.Value} {state.Currency} in full, no fee (C2, C5)");
        WorkflowStory.SetDetails($"Late success: waiting for Antom's refund of {state.Value} {state.Currency}.");
        LateSuccessCounter.Add(1);
        CountState(RefundStates.Expected);
        callbacks.Send("refund-expected", status);

        var deadline = Workflow.UtcNow + settings.ReconciliationSla;
        while (state.State == RefundStates.Expected)
        {
            if (notices.SucceededRefund is { } refund)
            {
                Confirm(state, "refund notification", refund.RefundId);
                break;
            }

            var check = await CheckAsync(state.RefundId);
            if (check is not null)
            {
                state.RefundId ??= check.RefundId;
                state.PaymentStatusSeen = check.PaymentStatus;
                if (check.PaymentStatus is not null and not "CANCELLED" and not "FAIL")
                {
                    status.Step("reconciliation warning", $"inquiryPayment shows {check.PaymentStatus}, expected CANCELLED (C4)");
                }

                if (check.RefundConfirmed)
                {
                    Confirm(state, "inquiry", check.RefundId);
                    break;
                }
            }

            var left = deadline - Workflow.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                state.State = RefundStates.Escalated;
                state.SupportNotices++;
                WorkflowStory.Upsert(CancelSearchAttributes.RefundState.ValueSet(RefundStates.Escalated));
                CountState(RefundStates.Escalated);
                await status.NotifySupportAsync(
                    $"refund of {state.Value} {state.Currency} after a late success not confirmed within {settings.ReconciliationSla}", null, settings.SupportDeliveryTimeout);
                break;
            }

            await Workflow.WaitConditionWithOptionsAsync(new(
                () => notices.SucceededRefund is not null,
                left < settings.ReconciliationPollInterval ? left : settings.ReconciliationPollInterval,
                "reconciliation: waiting for Antom's refund"));
        }

        callbacks.Send(state.State == RefundStates.Confirmed ? "refund-confirmed" : "refund-escalated", status);
    }

    private void Confirm(RefundReconciliationState state, string by, string? refundId)
    {
        state.State = RefundStates.Confirmed;
        state.ConfirmedAt = Workflow.UtcNow;
        state.ConfirmedBy = by;
        state.RefundId ??= refundId;
        WorkflowStory.Upsert(CancelSearchAttributes.RefundState.ValueSet(RefundStates.Confirmed));
        CountState(RefundStates.Confirmed);
        status.Step("refund confirmed", $"by {by}: refund {state.RefundId ?? "(id not given)"}");
    }

    private async Task<RefundCheckResult?> CheckAsync(string? refundId)
    {
        try
        {
            return await Workflow.ExecuteActivityAsync(
                (AntomActivities a) => a.CheckRefundAsync(new(status.PaymentRequestId, status.PaymentId, refundId, status.AntomMerchant)),
                new()
                {
                    // inquiryPayment, then inquiryRefund when a refund id is known: two Antom calls at most.
                    StartToCloseTimeout = settings.AntomActivityTimeout(calls: 2),
                    RetryPolicy = new() { MaximumAttempts = 3, NonRetryableErrorTypes = [AntomActivities.ConfigurationErrorType] },
                    Summary = "reconciliation: is the refund through?",
                });
        }
        catch (ActivityFailureException e)
        {
            status.Step("reconciliation check failed", e.InnerException?.Message ?? e.Message);
            return null;
        }
    }

    private static void CountState(string state) =>
        Workflow.MetricMeter.CreateCounter<long>(CancelMetrics.Reconciliations, "{reconciliation}", "Refund reconciliations reaching each state")
            .WithTags(new Dictionary<string, object> { [CancelMetrics.StateTag] = state })
            .Add(1);

    private static MetricCounter<long> LateSuccessCounter =>
        Workflow.MetricMeter.CreateCounter<long>(CancelMetrics.LateSuccesses, "{payment}", "Payments that succeeded after their cancel (C5)");
}
