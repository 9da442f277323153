using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Reconciliation;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Client;

namespace CancelWorkflows.Workflows.Tests.Cancel;

/// <summary>The long timers with the default settings (10 s / 1 min / 5 min U-retries, 25 h watch window, 4 h SLA),
/// on the time-skipping test server: hours pass in seconds.</summary>
public sealed class CancelPaymentWorkflowTimerTests : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    [Fact]
    public async Task RunAsync_DefaultSettings_ClosesAtTheOutcomeWithoutAWatchTimer()
    {
        await using var env = await TimeSkippingServer.StartAsync();
        var id = await PaidPaymentAsync();
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = CancelWorker.Create(env.Client, taskQueue, antom.Client);

        var (status, history) = await worker.ExecuteAsync(async () =>
        {
            var handle = await env.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { PaymentRequestId = id }),
                new WorkflowOptions(CancelWorkflowIds.For(id, null), taskQueue));
            return (await handle.GetResultAsync(), await handle.FetchHistoryAsync());
        });

        // Late notifications after the close go to reconcile-<id> (the ingress starts it): no 25 h watch window here.
        Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
        Assert.True(status.Completed);
        Assert.Null(status.WatchUntil);
        Assert.Equal("completed", status.Steps[^1].Name);
        Assert.DoesNotContain(history.Events, e => e.EventType == Temporalio.Api.Enums.V1.EventType.TimerStarted);
    }

    [Fact]
    public async Task RunAsync_A4_DefaultDelaysThenSlaPasses_SupportNotifiedAgainUntilResolved()
    {
        await using var env = await TimeSkippingServer.StartAsync();
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = CancelWorker.Create(env.Client, taskQueue, antom.Client, support.Url);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await env.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { PaymentRequestId = id }),
                new WorkflowOptions(CancelWorkflowIds.For(id, null), taskQueue));

            // 10 s + 1 min + 5 min of U-retries, then 4 h of SLA: support hears twice.
            await env.DelayAsync(TimeSpan.FromHours(4.5));
            var escalated = await handle.QueryAsync(wf => wf.Status);
            Assert.Equal(CancelOutcomes.Escalated, escalated.Outcome);
            Assert.Equal(2, escalated.EscalationNotices);
            var gaps = escalated.Attempts.Zip(escalated.Attempts.Skip(1), (a, b) => b.Time - a.Time).ToList();
            Assert.InRange(gaps[0], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
            Assert.InRange(gaps[1], TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1.1));
            Assert.InRange(gaps[2], TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5.1));

            await handle.SignalResolveEscalationAsync(new EscalationResolution("Refunded", "support:bob", null));
            var resolved = await handle.GetResultAsync();
            Assert.Equal(CancelOutcomes.Resolved, resolved.Outcome);
        });

        Assert.Equal([$"cancel-{id}/1", $"cancel-{id}/2"], support.Received.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task RunAsync_C5_RefundNotConfirmedWithinReconciliationSla_EscalatedToSupport()
    {
        await using var env = await TimeSkippingServer.StartAsync();
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = $"pr-{Guid.NewGuid():N}";
        await antom.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "PROCESSING",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = CancelWorker.Create(env.Client, taskQueue, antom.Client, support.Url);

        var status = await worker.ExecuteAsync(async () =>
        {
            // A success that Antom's books never turn into a refund: confirmation cannot come.
            var options = new WorkflowOptions(CancelWorkflowIds.For(id, null), taskQueue);
            options.SignalWithStartPaymentNotified(
                new PaymentNotice("PAYMENT_RESULT", "S", "SUCCESS", id, null, "USD", "1000", null, "late-1"));
            var handle = await env.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { PaymentRequestId = id }), options);
            return await handle.GetResultAsync();
        });

        Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
        Assert.Equal(RefundStates.Escalated, status.Reconciliation?.State);
        Assert.InRange(status.Steps.Single(s => s.Name == "escalated to support").Time - status.Reconciliation!.OpenedAt, TimeSpan.FromHours(24), TimeSpan.FromHours(24.6));
        var (key, notice) = Assert.Single(support.Received);
        Assert.Equal($"cancel-{id}/1", key);
        Assert.Contains("refund", notice.Reason, StringComparison.Ordinal);
    }

    private async Task<string> PaidPaymentAsync()
    {
        var id = $"pr-{Guid.NewGuid():N}";
        await antom.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-2),
            PaymentTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        return id;
    }
}
