using System.Diagnostics;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Client;
using Xunit.Abstractions;

namespace CancelWorkflows.Service.ProcessTests.Roles;

/// <summary>
/// A rolling deploy stops a worker with SIGTERM while an Antom call is in flight. Within <c>Service:ShutdownGrace</c> the
/// call completes and its answer is recorded: attempt 1 is S, not a no-answer, and Antom sees exactly one cancel call.
/// (With the grace at 0 the SDK cancels the activity at once: the answer is lost, the workflow counts a U and resends.)
/// </summary>
[Collection(RoleClusterCollection.Name)]
public sealed class GracefulShutdownTests(RoleClusterFixture fixture, ITestOutputHelper output)
{
    /// <summary>How long the simulator holds the cancel call before answering S.</summary>
    private static readonly TimeSpan AntomDelay = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    private RoleCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task SigtermWhileTheCancelCallIsInFlight_CallCompletesWithinTheGrace_AnswerRecordedOnce()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Cluster.Simulator.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
        });
        await Cluster.Simulator.Control.QueueFaultsAsync(id, new SimFault { Kind = "delay", DelayMs = (int)AntomDelay.TotalMilliseconds });

        ServiceProcess stopped;
        TimeSpan exitedAfter;
        await using (var first = await Cluster.StartRoleAsync("worker", new Dictionary<string, string?> { ["Service__ShutdownGrace"] = "00:00:30" }))
        {
            var request = new CancelPaymentRequest
            {
                PaymentRequestId = id,
                Reason = "graceful shutdown test",
                Settings = new CancelSettings { RetryDelays = [TimeSpan.FromSeconds(1)], WatchWindow = TimeSpan.FromSeconds(2) },
            };
            await Cluster.Temporal.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(request),
                new WorkflowOptions(CancelWorkflowIds.For(id, null), TemporalNames.TaskQueue));

            // The cancel call is at the simulator once it took the queued delay.
            await WaitAsync(async () => (await Cluster.Simulator.Control.GetPaymentAsync(id))!.PendingFaults.Count == 0, "the cancel call to reach the simulator");
            var clock = Stopwatch.StartNew();
            first.Process.Terminate();
            Assert.Equal(0, await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            exitedAfter = clock.Elapsed;
            stopped = first.Process;
            output.WriteLine($"worker 1 exited {exitedAfter.TotalSeconds:F1} s after SIGTERM");
        }

        // The workflow goes on with another worker (a new replica of the rolling deploy).
        await using var second = await Cluster.StartRoleAsync("worker");
        var handle = Cluster.Temporal.GetWorkflowHandle<CancelPaymentWorkflow>(CancelWorkflowIds.For(id, null));
        CancelStatus? status = null;
        await WaitAsync(async () => (status = await handle.QueryAsync(wf => wf.Status)).Outcome is not null, "the outcome");
        var payment = (await Cluster.Simulator.Control.GetPaymentAsync(id))!;

        var attempt = Assert.Single(status!.Attempts);
        Assert.Equal(("S", null), (attempt.ResultStatus, attempt.NoAnswer));
        Assert.Equal("Cancelled", status.Outcome);
        Assert.Single(payment.Calls, c => c.Api == "cancel");
        Assert.Equal(1, payment.EffectiveCancels);
        Assert.True(exitedAfter < TimeSpan.FromSeconds(30), $"the stop waited for the whole grace ({exitedAfter.TotalSeconds:F1} s), not for the call: {stopped.Output}");
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > StepTimeout)
            {
                throw new TimeoutException($"Waited {StepTimeout.TotalSeconds} s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
