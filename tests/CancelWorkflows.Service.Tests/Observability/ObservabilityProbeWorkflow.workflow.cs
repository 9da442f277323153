using System.Diagnostics;
using Temporalio.Activities;
using Temporalio.Workflows;

namespace CancelWorkflows.Service.Tests.Observability;

/// <summary>Records a workflow metric and runs one activity that reports the trace it runs in.</summary>
[Workflow("ObservabilityProbe")]
public sealed class ObservabilityProbeWorkflow
{
    public const string CounterName = "observability_probe_runs";

    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        Workflow.MetricMeter.CreateCounter<long>(CounterName).Add(1);
        return await Workflow.ExecuteActivityAsync(
            () => ObservabilityProbeActivities.CurrentTraceId(),
            new() { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
    }
}

public static class ObservabilityProbeActivities
{
    [Activity]
    public static string CurrentTraceId() => Activity.Current?.TraceId.ToHexString() ?? "none";
}
