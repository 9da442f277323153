using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary>Callbacks to the booking service: started as activities without waiting for them, so the workflow's own
/// progress never depends on the caller's endpoint; drained before the workflow completes.</summary>
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
            status.RequestedBy);
        var url = callbackUrl;
        pending.Add(Workflow.ExecuteActivityAsync(
            (CallerActivities a) => a.NotifyCallerAsync(url, notice),
            new()
            {
                StartToCloseTimeout = TimeSpan.FromSeconds(30),
                ScheduleToCloseTimeout = TimeSpan.FromHours(24),
                RetryPolicy = new() { InitialInterval = TimeSpan.FromSeconds(5), MaximumInterval = TimeSpan.FromMinutes(10) },
                Summary = $"callback to the booking service: {eventName}",
            }));
        status.Step("callback", $"{eventName} sent to the booking service");
    }

    /// <summary>Waits for every callback (each retried for up to 24 h); a callback that finally fails is recorded.</summary>
    public async Task DrainAsync(CancelStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var task in pending)
        {
            try
            {
                await task;
            }
            catch (Temporalio.Exceptions.ActivityFailureException e)
            {
                status.Step("callback failed", e.InnerException?.Message ?? e.Message);
            }
        }
    }
}
