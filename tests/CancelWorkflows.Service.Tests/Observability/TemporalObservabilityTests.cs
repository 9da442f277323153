using System.Diagnostics;
using System.Diagnostics.Metrics;
using CancelWorkflows.Service.Observability;
using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Client;
using Temporalio.Testing;
using Temporalio.Worker;

namespace CancelWorkflows.Service.Tests.Observability;

/// <summary>
/// The tracing interceptor and the metrics bridge on a real Temporal dev server: the trace of the code that starts a
/// workflow continues in the workflow's activities, and a workflow's <c>Workflow.MetricMeter</c> counter reaches .NET metrics.
/// </summary>
[Collection(TemporalObservabilityCollection.Name)]
public sealed class TemporalObservabilityTests
{
    [Fact]
    public async Task StartWorkflow_InsideASpan_ActivityRunsInTheSameTraceAndWorkflowMetricIsBridged()
    {
        using var meter = new Meter("test-temporal-" + Guid.NewGuid());
        using var recorded = new RecordedMeasurements(meter);
        using var caller = new ActivitySource("test-caller-" + Guid.NewGuid());
        using var spans = new ActivityListener
        {
            ShouldListenTo = s => s.Name == caller.Name || s.Name == TelemetryNames.TemporalActivitySource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(spans);
        var runtime = TemporalRuntimeFactory.Create(new TemporalMetricsBridge(meter));
        await using var env = await WorkflowEnvironment.StartLocalAsync(new()
        {
            Runtime = runtime,
            Interceptors = [new TemporalTracingInterceptor()],
            DevServerOptions = new()
            {
                ExistingPath = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH") is { Length: > 0 } cli ? cli : null,
                StartupTimeout = TimeSpan.FromSeconds(60),
            },
        });
        var taskQueue = $"tq-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(env.Client, new TemporalWorkerOptions(taskQueue)
            .AddWorkflow<ObservabilityProbeWorkflow>()
            .AddAllActivities(typeof(ObservabilityProbeActivities), null));

        await worker.ExecuteAsync(async () =>
        {
            string traceInActivity;
            string traceOfCaller;
            using (var request = caller.StartActivity("booking-service-request"))
            {
                traceOfCaller = request!.TraceId.ToHexString();
                traceInActivity = await env.Client.ExecuteWorkflowAsync(
                    (ObservabilityProbeWorkflow wf) => wf.RunAsync(),
                    new WorkflowOptions($"wf-{Guid.NewGuid()}", taskQueue));
            }

            Assert.Equal(traceOfCaller, traceInActivity);
        });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (recorded.Of(ObservabilityProbeWorkflow.CounterName).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1d, Assert.Single(recorded.Of(ObservabilityProbeWorkflow.CounterName)).Value);
        Assert.NotEmpty(recorded.Of("temporal_workflow_completed"));
    }
}

/// <summary>Alone: its span and meter listeners see the whole process, so another test's spans or counters would reach them
/// (and the observed service's exporters would record this test's).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TemporalObservabilityCollection
{
    public const string Name = "Temporal observability (process-wide listeners)";
}
