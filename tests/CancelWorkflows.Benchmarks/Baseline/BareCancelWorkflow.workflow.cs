using Temporalio.Common;
using Temporalio.Workflows;

namespace CancelWorkflows.Benchmarks.Baseline;

/// <summary>
/// The baseline of the workflow benchmark (P1, P2): the happy path's shape with nothing in it. Two no-op activities (the happy path runs
/// CheckEligibility and CancelPayment) with the same timeouts and retry policy, then the same watch-window timer.
/// No status object, no search attributes, no Antom: what remains is Temporal's own cost for this shape.
/// </summary>
[Workflow(Name)]
public sealed class BareCancelWorkflow
{
    public const string Name = "BenchBareCancel";

    private static ActivityOptions Options() => new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(2),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromMinutes(1),
        },
    };

    [WorkflowRun]
    public async Task<string> RunAsync(BareCancelInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _ = await Workflow.ExecuteActivityAsync((BareActivities a) => a.CheckAsync(input.PaymentRequestId), Options());
        var outcome = await Workflow.ExecuteActivityAsync((BareActivities a) => a.CancelAsync(input.PaymentRequestId), Options());
        await Workflow.DelayAsync(input.WatchWindow);
        return outcome;
    }
}

public sealed record BareCancelInput(string PaymentRequestId, TimeSpan WatchWindow);
