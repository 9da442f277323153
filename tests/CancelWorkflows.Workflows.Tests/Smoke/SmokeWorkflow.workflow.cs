using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Tests.Smoke;

/// <summary>A tiny workflow that proves the path to a real server: one activity, an optional long durable timer.</summary>
[Workflow]
public sealed class SmokeWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(TimeSpan sleep)
    {
        if (sleep > TimeSpan.Zero)
        {
            await Workflow.DelayAsync(sleep);
        }

        return await Workflow.ExecuteActivityAsync(
            () => SmokeActivities.Greet("temporal"),
            new() { StartToCloseTimeout = TimeSpan.FromSeconds(10) });
    }
}
