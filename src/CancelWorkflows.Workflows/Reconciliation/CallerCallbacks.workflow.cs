using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary>Callbacks to the booking service: started as activities without waiting for them, so the workflow's own
/// progress never depends on the caller's endpoint; drained before the workflow completes. They run on the callback task
/// queue (<see cref="CancelPatches.OutboundCallsOnCallbackQueue"/>), so a slow endpoint takes none of the Antom calls' slots.</summary>
public sealed class CallerCallbacks(string? callbackUrl)
{
    private readonly List<Task> pending = [];

    public void Send(string eventName, CancelStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (string.IsNullOrWhiteSpace(callbackUrl))
        {
            return;
        }

        var notice = new CallerNotice(
            eventName, status.WorkflowId!, status.PaymentRequestId, status.PaymentId, status.BookingRef, status.Outcome,
            status.Reconciliation?.State, status.Reconciliation?.Currency, status.Reconciliation?.Value, status.TemporalWebUrl, Workflow.UtcNow,
            status.RequestedBy, status.RefundFallback?.State, status.RefundFallback?.RefundRequestId);
        var url = callbackUrl;
        var options = new ActivityOptions
        {
            StartToCloseTimeout = TimeSpan.FromSeconds(30),
            ScheduleToCloseTimeout = TimeSpan.FromHours(24),
            RetryPolicy = new() { InitialInterval = TimeSpan.FromSeconds(5), MaximumInterval = TimeSpan.FromMinutes(10) },
            Summary = $"callback to the booking service: {eventName}",
        };
        if (Workflow.Patched(CancelPatches.OutboundCallsOnCallbackQueue))
        {
            options.TaskQueue = TemporalNames.CallbackTaskQueueOf(Workflow.Info.TaskQueue);
        }

        pending.Add(DeliverAsync(status, url, notice, options));
        status.Step("callback", $"{eventName} sent to the booking service");
    }

    /// <summary>Waits for every callback, also those sent while it waits (each retried for up to 24 h, or refused at once by
    /// the outbound policy).</summary>
    public async Task DrainAsync(CancelStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        // In rounds: a callback sent while others drain (a refund reconciled meanwhile) is waited for too.
        var drained = 0;
        while (drained < pending.Count)
        {
            var round = pending.GetRange(drained, pending.Count - drained);
            drained = pending.Count;
            await Workflow.WhenAllAsync(round);
        }
    }

    /// <summary>A callback that finally fails is recorded when it fails (a refused URL at once, not after the watch window).</summary>
    private static async Task DeliverAsync(CancelStatus status, string url, CallerNotice notice, ActivityOptions options)
    {
        try
        {
            await Workflow.ExecuteActivityAsync((CallerActivities a) => a.NotifyCallerAsync(url, notice), options);
        }
        catch (Temporalio.Exceptions.ActivityFailureException e)
        {
            status.Step("callback failed", $"{notice.Event}: {e.InnerException?.Message ?? e.Message}");
        }
    }
}
