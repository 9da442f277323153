using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>
/// A promotion run reduced to what a hold's cancellation talks to: it starts one <see cref="CancelPaymentWorkflow"/> as
/// its child (as <see cref="PromoExpiryWorkflow"/> does) and records every <c>HoldDecided</c> report. Lets the tests see
/// what the child reports, and when, independently of how the promotion counts it.
/// </summary>
[Workflow("PromotionRunStandIn")]
public sealed class PromotionRunStandIn
{
    private readonly List<HoldDecided> reports = [];

    [WorkflowRun]
    public async Task<PromotionRunStandInResult> RunAsync(CancelPaymentRequest hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var child = await Workflow.StartChildWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(hold),
            new() { Id = CancelWorkflowIds.For(hold), ParentClosePolicy = ParentClosePolicy.Abandon });
        try
        {
            var status = await child.GetResultAsync();
            return new(reports, status.Outcome, null);
        }
        catch (ChildWorkflowFailureException e)
        {
            return new(reports, null, (e.InnerException as ApplicationFailureException)?.ErrorType);
        }
    }

    [WorkflowQuery("Reports")]
    public IReadOnlyList<HoldDecided> Reports => reports;

    [WorkflowSignal(TemporalNames.HoldDecidedSignal)]
    public Task HoldDecidedAsync(HoldDecided hold)
    {
        reports.Add(hold);
        return Task.CompletedTask;
    }
}

/// <summary>The reports received, and how the child ended: its outcome, or the error type it failed with.</summary>
public sealed record PromotionRunStandInResult(IReadOnlyList<HoldDecided> Reports, string? ChildOutcome, string? ChildFailureType);
