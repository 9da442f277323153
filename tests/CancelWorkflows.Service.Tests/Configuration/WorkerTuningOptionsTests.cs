using CancelWorkflows.Service.Temporal;
using Temporalio.Worker;

namespace CancelWorkflows.Service.Tests.Configuration;

/// <summary><c>Temporal:Worker:*</c>: applied to the hosted worker; out-of-range values refused at start.</summary>
public sealed class WorkerTuningOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndApplied()
    {
        var tuning = new WorkerTuningOptions();
        var worker = new TemporalWorkerOptions("q");

        tuning.ApplyTo(worker);

        Assert.True(new WorkerTuningOptions.Validator().Validate(null, tuning).Succeeded);
        Assert.Equal((500, 100, 100), (worker.MaxCachedWorkflows, worker.MaxConcurrentWorkflowTasks, worker.MaxConcurrentActivities));
    }

    [Fact]
    public void OutOfRange_RefusedNamingTheSetting()
    {
        var result = new WorkerTuningOptions.Validator().Validate(null, new WorkerTuningOptions { MaxCachedWorkflows = -1, MaxConcurrentWorkflowTasks = 1, MaxConcurrentActivities = 0 });

        Assert.True(result.Failed);
        Assert.Contains("Temporal:Worker:MaxCachedWorkflows", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Temporal:Worker:MaxConcurrentWorkflowTasks", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Temporal:Worker:MaxConcurrentActivities", result.FailureMessage, StringComparison.Ordinal);
    }
}
