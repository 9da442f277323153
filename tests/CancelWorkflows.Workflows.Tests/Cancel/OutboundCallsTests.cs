using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Outbound;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Xunit.Abstractions;
using static CancelWorkflows.Workflows.Tests.Infrastructure.StatusWaits;

namespace CancelWorkflows.Workflows.Tests.Cancel;

/// <summary>
/// Outbound calls on the real dev server with the real activities: a callback URL whose name resolves inward is refused
/// where the connection is made (recorded at once, never retried, no address shown), the support webhook and callbacks run
/// on the callback task queue, and a callback endpoint that never answers takes none of the slots the Antom calls need.
/// </summary>
[Collection(TemporalDevServerCollection.Name)]
public sealed class OutboundCallsTests(TemporalDevServerFixture devServer, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();
    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    [Fact]
    public async Task Callback_NameResolvingInward_RefusedAtConnectRecordedAtOnceNeverRetried()
    {
        // The name passes every check that needs no lookup; "DNS" answers with a private address.
        const string inward = "10.9.8.7";
        var id = await antom.PaidPaymentAsync();
        var metrics = CountingMetricMeter.Instance;
        var refusedBefore = metrics.Count(OutboundMetrics.RefusedCounter);
        using var worker = CancelWorker.Create(
            await metrics.ConnectAsync(devServer.Client), taskQueue, antom.Client,
            resolve: (host, _) => Task.FromResult(host == "booking.inward.example" ? new[] { IPAddress.Parse(inward) } : []));

        await worker.ExecuteAsync(async () =>
        {
            var handle = await devServer.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest
                {
                    PaymentRequestId = id,
                    CallbackUrl = "https://booking.inward.example/cancel-events",
                    RequestedBy = "booking",
                    Settings = CancelWorker.FastSettings(TimeSpan.FromSeconds(3)),
                }),
                CancelWorker.StartOptions(CancelWorkflowIds.For(id, null), taskQueue));

            // Known at once: one attempt, non-retryable (below). A cancellation now closes at its outcome once its
            // callbacks are done, so whether this read finds it still open depends on timing and is not asserted.
            var failed = await WaitForAsync(handle, s => s.Steps.Any(x => x.Name == "callback failed"));
            var step = failed.Steps.Single(x => x.Name == "callback failed");
            Assert.Equal("outcome: callback refused: the address is not allowed", step.Detail);
            var status = await handle.GetResultAsync();
            Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
            Assert.DoesNotContain(status.Steps, s => s.Detail.Contains(inward, StringComparison.Ordinal));

            var history = await handle.FetchHistoryAsync();
            var scheduled = Assert.Single(history.Events, e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "NotifyCaller");
            Assert.Equal(TemporalNames.CallbackTaskQueueOf(taskQueue), scheduled.ActivityTaskScheduledEventAttributes.TaskQueue.Name);
            var started = Assert.Single(history.Events, e => e.EventType == EventType.ActivityTaskStarted && e.ActivityTaskStartedEventAttributes.ScheduledEventId == scheduled.EventId);
            Assert.Equal(1, started.ActivityTaskStartedEventAttributes.Attempt);
            var failure = Assert.Single(history.Events, e => e.EventType == EventType.ActivityTaskFailed).ActivityTaskFailedEventAttributes.Failure;
            Assert.Equal(CallerActivities.RefusedErrorType, failure.ApplicationFailureInfo.Type);
            Assert.True(failure.ApplicationFailureInfo.NonRetryable);
            Assert.Equal(refusedBefore + 1, metrics.Count(OutboundMetrics.RefusedCounter));
            await HistoryCapture.SaveAsync(handle, "callback-queue-refused-at-connect");
        });
    }

    [Fact]
    public async Task Escalation_SupportWebhookAndCallbacks_RunOnTheCallbackQueue()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        await using var booking = await CallerCallbackReceiver.StartAsync();
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url);
        var settings = CancelWorker.FastSettings(TimeSpan.FromSeconds(1)) with { EscalationPollInterval = TimeSpan.FromHours(1) };

        await worker.ExecuteAsync(async () =>
        {
            var handle = await devServer.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest
                {
                    PaymentRequestId = id,
                    CallbackUrl = booking.Url,
                    Settings = settings,
                }),
                CancelWorker.StartOptions(CancelWorkflowIds.For(id, null), taskQueue));
            await WaitForAsync(handle, s => s.Steps.Any(x => x.Name == "escalated to support"));
            await handle.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:olga", "done in the Antom portal"));
            var status = await handle.GetResultAsync();

            Assert.Equal(CancelOutcomes.Resolved, status.Outcome);
            Assert.Single(support.Received);
            Assert.Equal("outcome", Assert.Single(booking.Received).Event);
            var queues = (await handle.FetchHistoryAsync()).Events
                .Where(e => e.ActivityTaskScheduledEventAttributes is not null)
                .Select(e => (e.ActivityTaskScheduledEventAttributes.ActivityType.Name, Queue: e.ActivityTaskScheduledEventAttributes.TaskQueue.Name))
                .ToList();
            Assert.All(queues.Where(q => q.Name is "EscalateToSupport" or "NotifyCaller"), q => Assert.Equal(TemporalNames.CallbackTaskQueueOf(taskQueue), q.Queue));
            Assert.All(queues.Where(q => q.Name is not ("EscalateToSupport" or "NotifyCaller")), q => Assert.Equal(taskQueue, q.Queue));
            Assert.Contains(queues, q => q.Name == "EscalateToSupport");
            await HistoryCapture.SaveAsync(handle, "callback-queue-escalation-and-callback");
        });
    }

    /// <summary>
    /// 100 cancellations whose callback endpoint accepts connections and never answers, against the same 100 with a
    /// healthy endpoint. Both workers have few slots (5 each; production's 100 + 50 face a thousand cancellations the
    /// same way), so callbacks that held the Antom worker's slots would delay the outcomes many times over.
    /// </summary>
    [Fact]
    public async Task HostileCallbackEndpoint_100Cancels_OutcomesAsFastAsWithoutItAndCallbacksRetryOnTheirQueue()
    {
        const int cancels = 100;
        const int slots = 5;
        var outbound = new OutboundOptions { AllowLoopback = true, CallbackTimeout = TimeSpan.FromSeconds(10) };
        await using var healthy = await CallerCallbackReceiver.StartAsync();
        using var hostile = SilentEndpoint.Start();
        using var worker = CancelWorker.Create(
            devServer.Client, taskQueue, antom.Client,
            configure: o => o.MaxConcurrentActivities = slots,
            configureCallbacks: o => o.MaxConcurrentActivities = slots,
            outbound: outbound);

        await worker.ExecuteAsync(async () =>
        {
            var baseline = (await RunCancelsAsync(cancels, healthy.Url)).Elapsed;
            var underAttack = await RunCancelsAsync(cancels, hostile.Url);
            output.WriteLine($"{cancels} cancels to their outcome: {baseline.TotalSeconds:F1} s with a healthy callback endpoint, "
                + $"{underAttack.Elapsed.TotalSeconds:F1} s with one that never answers ({slots} Antom slots, {slots} callback slots)");

            Assert.True(
                underAttack.Elapsed <= (baseline * 2) + TimeSpan.FromSeconds(15),
                $"outcomes took {underAttack.Elapsed.TotalSeconds:F1} s against a silent callback endpoint, {baseline.TotalSeconds:F1} s without");

            // The callbacks time out (Outbound:CallbackTimeout) and are retried, on their own queue. Any of the 100 will do:
            // with 5 callback slots and 10 s per attempt, which one gets its second attempt first depends on the machine.
            var (retriedId, retried) = await RetriedCallbackAsync(underAttack.WorkflowIds, () => $"{hostile.Connections} connections to the silent endpoint");
            Assert.Equal("callback unreachable: no answer within 00:00:10", retried.LastFailure.Message);
            var scheduled = (await devServer.Client.GetWorkflowHandle(retriedId).FetchHistoryAsync()).Events
                .Single(e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "NotifyCaller");
            Assert.Equal(TemporalNames.CallbackTaskQueueOf(taskQueue), scheduled.ActivityTaskScheduledEventAttributes.TaskQueue.Name);
            Assert.True(hostile.Connections > slots, $"{hostile.Connections} connections");

            await Task.WhenAll(underAttack.WorkflowIds.Select(async wf =>
            {
                try
                {
                    await devServer.Client.GetWorkflowHandle(wf).TerminateAsync("test over");
                }
                catch (Temporalio.Exceptions.RpcException)
                {
                    // already closed
                }
            }));
        });
    }

    /// <summary>The first of <paramref name="workflowIds"/> whose callback is pending on a second (or later) attempt, with
    /// that pending activity; waits up to 3 minutes (a loaded machine runs 100 silent callbacks 5 at a time).</summary>
    private async Task<(string WorkflowId, Temporalio.Api.Workflow.V1.PendingActivityInfo Activity)> RetriedCallbackAsync(
        IReadOnlyList<string> workflowIds, Func<string> context)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var workflowId in workflowIds)
            {
                var describe = new DescribeWorkflowExecutionRequest { Namespace = devServer.Client.Options.Namespace, Execution = new() { WorkflowId = workflowId } };
                var pending = (await devServer.Client.WorkflowService.DescribeWorkflowExecutionAsync(describe)).PendingActivities
                    .FirstOrDefault(a => a.ActivityType.Name == "NotifyCaller" && a.Attempt >= 2);
                if (pending is not null)
                {
                    return (workflowId, pending);
                }
            }

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"no callback was retried within 3 minutes ({context()})");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Starts <paramref name="count"/> cancellations of paid payments with this callback URL; returns how long until
    /// the last one decided its outcome (its <c>DecidedAt</c>), and their ids.</summary>
    private async Task<(TimeSpan Elapsed, List<string> WorkflowIds)> RunCancelsAsync(int count, string callbackUrl)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await antom.PaidPaymentAsync());
        }

        var clock = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var handles = await Task.WhenAll(ids.Select(id => devServer.Client.StartWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest
            {
                PaymentRequestId = id,
                CallbackUrl = callbackUrl,
                Settings = CancelWorker.FastSettings(TimeSpan.FromMinutes(10)),
            }),
            CancelWorker.StartOptions(CancelWorkflowIds.For(id, null), taskQueue))));
        // The outcome as Temporal holds it (a search attribute, set when it is decided): no query waits on a busy worker.
        var decided = new HashSet<string>();
        while (decided.Count < handles.Length)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"only {decided.Count} of {handles.Length} decided after {clock.Elapsed}");
            foreach (var handle in handles.Where(h => !decided.Contains(h.Id)))
            {
                var attributes = (await handle.DescribeAsync(new() { Rpc = new() { Timeout = TimeSpan.FromSeconds(30) } })).TypedSearchAttributes;
                if (attributes.TryGetValue(CancelSearchAttributes.CancelOutcome, out var outcome))
                {
                    Assert.Equal(CancelOutcomes.Cancelled, outcome);
                    decided.Add(handle.Id);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        // When each was decided, by the workflow's own clock.
        var decidedAt = new List<DateTimeOffset>();
        foreach (var handle in handles)
        {
            decidedAt.Add((await handle.QueryAsync(wf => wf.Status, new() { Rpc = new() { Timeout = TimeSpan.FromSeconds(60) } })).DecidedAt!.Value);
        }

        return (decidedAt.Max() - startedAt, [.. handles.Select(h => h.Id)]);
    }

    /// <summary>A callback endpoint that accepts every connection and never answers: the slowest a hostile caller can be.</summary>
    private sealed class SilentEndpoint : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> held = [];
        private readonly CancellationTokenSource stop = new();
        private int connections;

        public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/cancel-events";

        public int Connections => Volatile.Read(ref connections);

        public static SilentEndpoint Start()
        {
            var endpoint = new SilentEndpoint();
            endpoint.listener.Start(backlog: 512);
            _ = endpoint.AcceptAsync();
            return endpoint;
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            lock (held)
            {
                held.ForEach(s => s.Dispose());
            }

            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var socket = await listener.AcceptSocketAsync(stop.Token);
                    Interlocked.Increment(ref connections);
                    lock (held)
                    {
                        held.Add(socket);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // stopped
            }
        }
    }
}
