using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Tests.Promotions;

/// <summary>
/// Stands in for <see cref="CancelPaymentWorkflow"/> as a promo run's child (same workflow type, same report): asks
/// <see cref="StandInHolds"/> what its hold does, tells the run by <c>HoldDecided</c> like the real child, and closes at
/// once (a held one when the test releases it). A hold whose status cannot be read reports <c>StatusUnreadable</c> and fails with
/// <c>PaymentStatusUnreadable</c>, as the real child does with the cancel workflow's unreadable-status handling.
/// </summary>
[Workflow(TemporalNames.CancelPaymentWorkflow)]
public sealed class StandInCancelWorkflow
{
    private bool released;

    [WorkflowRun]
    public async Task<CancelStatus> RunAsync(CancelPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.PaymentRequestId!;
        var verdict = await Workflow.ExecuteLocalActivityAsync(
            (StandInHolds holds) => holds.Verdict(id),
            new() { StartToCloseTimeout = TimeSpan.FromSeconds(10) });
        var promotion = Workflow.GetExternalWorkflowHandle<PromoExpiryWorkflow>(Workflow.Info.Parent!.WorkflowId);
        if (verdict == StandInHolds.Held)
        {
            await Workflow.WaitConditionAsync(() => released);
        }

        if (verdict is StandInHolds.Unreadable or StandInHolds.UnreadableUnreported)
        {
            if (verdict == StandInHolds.Unreadable)
            {
                await promotion.SignalAsync(wf => wf.HoldDecidedAsync(new HoldDecided(id, null, null, false, false, StatusUnreadable: true)));
            }

            throw new ApplicationFailureException($"the status of {id} could not be read", StandInHolds.StatusUnreadableErrorType, nonRetryable: true);
        }

        await promotion.SignalAsync(wf => wf.HoldDecidedAsync(new HoldDecided(id, CancelOutcomes.Cancelled, "C1", false, false)));
        return new CancelStatus { PaymentRequestId = id, Outcome = CancelOutcomes.Cancelled, Rule = "C1" };
    }

    [WorkflowSignal]
    public Task ReleaseAsync()
    {
        released = true;
        return Task.CompletedTask;
    }
}
