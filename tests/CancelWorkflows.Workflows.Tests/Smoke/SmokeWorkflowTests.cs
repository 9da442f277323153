using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Client;
using Temporalio.Worker;

namespace CancelWorkflows.Workflows.Tests.Smoke;

/// <summary>Proves in CI that both real servers start from the configured binaries and run a workflow.</summary>
[Collection(TemporalDevServerCollection.Name)]
public sealed class SmokeWorkflowTests(TemporalDevServerFixture devServer)
{
    [Fact]
    public async Task RunAsync_OnDevServer_CompletesAndSearchAttributesAreRegistered()
    {
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = new TemporalWorker(devServer.Client, new TemporalWorkerOptions(taskQueue)
            .AddWorkflow<SmokeWorkflow>()
            .AddAllActivities(typeof(SmokeActivities), null));

        var result = await worker.ExecuteAsync(() => devServer.Client.ExecuteWorkflowAsync(
            (SmokeWorkflow wf) => wf.RunAsync(TimeSpan.Zero),
            new WorkflowOptions($"smoke-{Guid.NewGuid()}", taskQueue)));

        Assert.Equal("hello temporal", result);
        var registered = await devServer.Client.Connection.OperatorService.ListSearchAttributesAsync(
            new() { Namespace = devServer.Client.Options.Namespace });
        foreach (var (name, _) in CancelSearchAttributes.Definitions)
        {
            Assert.Contains(name, registered.CustomAttributes.Keys);
        }
    }

    [Fact]
    public async Task RunAsync_TwoHourTimerOnTimeSkippingServer_CompletesAtOnce()
    {
        await using var env = await TimeSkippingServer.StartAsync();
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = new TemporalWorker(env.Client, new TemporalWorkerOptions(taskQueue)
            .AddWorkflow<SmokeWorkflow>()
            .AddAllActivities(typeof(SmokeActivities), null));
        var started = DateTime.UtcNow;

        var result = await worker.ExecuteAsync(() => env.Client.ExecuteWorkflowAsync(
            (SmokeWorkflow wf) => wf.RunAsync(TimeSpan.FromHours(2)),
            new WorkflowOptions($"smoke-{Guid.NewGuid()}", taskQueue)));

        Assert.Equal("hello temporal", result);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(1), "the two-hour timer was skipped");
    }
}
