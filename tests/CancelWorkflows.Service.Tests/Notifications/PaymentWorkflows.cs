using System.Text.Json;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// Payments in the states the ingress routes by, made through the real API and simulator, and what Temporal then holds:
/// does a workflow exist, how many notifications does its <c>Status</c> list.
/// </summary>
public sealed class PaymentWorkflows(DevModeInstance dev, ITemporalClient temporal)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>An unpaid payment whose cancel answers U: its workflow waits 10 minutes for the retry, running.
    /// Returns the payment's (paymentRequestId, paymentId).</summary>
    public async Task<(string PaymentRequestId, string PaymentId)> RunningCancellationAsync()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await PutUnpaidAsync(id);
        await dev.Simulator.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        await StartCancellationAsync(new { paymentRequestId = id });
        await WaitAsync(async () => (await AttemptsAsync($"cancel-{id}")) >= 1, $"cancel-{id} to get its first U");
        return (id, payment.PaymentId);
    }

    /// <summary>An unpaid payment cancelled at once (S); its workflow closes after the 2 s watch window.</summary>
    public async Task<(string PaymentRequestId, string PaymentId)> ClosedCancellationAsync()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await PutUnpaidAsync(id);
        await StartCancellationAsync(new { paymentRequestId = id });
        await WaitAsync(async () => await StatusAsync($"cancel-{id}") is { } s && s != WorkflowExecutionStatus.Running, $"cancel-{id} to close");
        return (id, payment.PaymentId);
    }

    /// <summary>A payment the simulator knows but nobody asked to cancel.</summary>
    public async Task<(string PaymentRequestId, string PaymentId)> NeverCancelledAsync()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await PutUnpaidAsync(id);
        return (id, payment.PaymentId);
    }

    public async Task StartCancellationAsync(object body)
    {
        using var response = await dev.Api.PostCancellationAsync(body);
        Assert.True(response.IsSuccessStatusCode, $"start: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The workflow's status, or null when no workflow has this id.</summary>
    public async Task<WorkflowExecutionStatus?> StatusAsync(string workflowId)
    {
        try
        {
            return (await temporal.GetWorkflowHandle(workflowId).DescribeAsync()).Status;
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>How many runs ever had this workflow id (any status), once visibility has caught up with one that exists.</summary>
    public async Task<int> RunsAsync(string workflowId)
    {
        var exists = await StatusAsync(workflowId) is not null;
        var count = 0;
        await WaitAsync(
            async () => (count = (int)(await temporal.CountWorkflowsAsync($"WorkflowId = '{workflowId}'")).Count) > 0 || !exists,
            $"visibility to list {workflowId}");
        return count;
    }

    /// <summary><c>Status.Notifications</c>: one entry per distinct notification the workflow recorded.</summary>
    public async Task<int> NotificationsAsync(string workflowId) =>
        (await QueryStatusAsync(workflowId)).GetProperty("Notifications").GetArrayLength();

    /// <summary><c>Status.DuplicateNotifications</c>: signals the workflow received for a notification it had recorded.</summary>
    public async Task<int> DuplicatesAsync(string workflowId) =>
        (await QueryStatusAsync(workflowId)).GetProperty("DuplicateNotifications").GetInt32();

    /// <summary>How many events the workflow's history holds once no workflow task is pending (every signal accepted so
    /// far has been handled, so the count no longer moves by itself).</summary>
    public async Task<int> SettledHistoryLengthAsync(string workflowId)
    {
        var describe = new DescribeWorkflowExecutionRequest { Namespace = temporal.Options.Namespace, Execution = new() { WorkflowId = workflowId } };
        await WaitAsync(
            async () => (await temporal.WorkflowService.DescribeWorkflowExecutionAsync(describe)).PendingWorkflowTask is null,
            $"{workflowId} to have no workflow task pending");
        return (await temporal.GetWorkflowHandle(workflowId).FetchHistoryAsync()).Events.Count;
    }

    /// <summary>How many signals the workflow's history holds (a signal-with-start's included).</summary>
    public async Task<int> SignalsAsync(string workflowId) =>
        (await temporal.GetWorkflowHandle(workflowId).FetchHistoryAsync()).Events.Count(e => e.EventType == EventType.WorkflowExecutionSignaled);

    public async Task<int> AttemptsAsync(string workflowId) =>
        (await QueryStatusAsync(workflowId)).GetProperty("Attempts").GetArrayLength();

    public async Task<JsonElement> QueryStatusAsync(string workflowId) =>
        await temporal.GetWorkflowHandle(workflowId).QueryAsync<JsonElement>("Status", []);

    /// <summary>Polls <paramref name="condition"/> until true; fails naming <paramref name="what"/> after a minute.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {SettleTimeout.TotalSeconds} s for {what}.");
            }

            await Task.Delay(200);
        }
    }

    private Task<SimPaymentView> PutUnpaidAsync(string id) =>
        dev.Simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "PROCESSING",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
}
