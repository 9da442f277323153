using CancelWorkflows.Workflows.Activities;
using Temporalio.Common;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Cancel;

/// <summary>Deterministic helpers shared by the workflows that tell a payment's story: steps with workflow time,
/// search-attribute upserts, the Temporal Web details line, and support notices.</summary>
public static class WorkflowStory
{
    public static void Step(this CancelStatus status, string name, string detail)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.Steps.Add(new(Workflow.UtcNow, name, detail));
    }

    public static void Upsert(params SearchAttributeUpdate[] updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Length > 0)
        {
            Workflow.UpsertTypedSearchAttributes(updates);
        }
    }

    public static void SetDetails(string text) => Workflow.CurrentDetails = text;

    /// <summary>Starts the story of this run: ids, start time and the Temporal Web link (null without a base URL).</summary>
    public static void Begin(this CancelStatus status, string? paymentRequestId, string? paymentId, string? temporalWebBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(status);
        var info = Workflow.Info;
        status.WorkflowId = info.WorkflowId;
        status.RunId = info.RunId;
        status.PaymentRequestId = paymentRequestId;
        status.PaymentId = paymentId;
        status.StartedAt = Workflow.UtcNow;
        status.TemporalWebUrl = WebUrl(temporalWebBaseUrl);
    }

    /// <summary>The Temporal Web link of this run's history; null without a base URL.</summary>
    public static string? WebUrl(string? temporalWebBaseUrl)
    {
        var info = Workflow.Info;
        return temporalWebBaseUrl is { Length: > 0 } web
            ? $"{web.TrimEnd('/')}/namespaces/{info.Namespace}/workflows/{Uri.EscapeDataString(info.WorkflowId)}/{info.RunId}/history"
            : null;
    }

    /// <summary>Opens or re-notifies a support case (A4, and unconfirmed refunds); idempotent per notice number.
    /// Retried until delivered, or for <paramref name="deliveryTimeout"/> when one is given: past it the failure is
    /// counted and recorded and the workflow goes on (still escalated, still waiting), so a support outage never wedges
    /// it. False when the notice was not delivered.</summary>
    public static async Task<bool> NotifySupportAsync(this CancelStatus status, string reason, InquiryResult? lastInquiry, TimeSpan? deliveryTimeout)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.EscalationNotices++;
        var notice = new EscalationNotice(
            status.WorkflowId!, status.RunId, status.PaymentRequestId, status.PaymentId, status.BookingRef, status.Merchant,
            reason, status.EscalationNotices, [.. status.Attempts], lastInquiry, status.TemporalWebUrl, Workflow.UtcNow, status.RefundFallback);
        try
        {
            var options = new ActivityOptions
            {
                StartToCloseTimeout = TimeSpan.FromMinutes(1),
                ScheduleToCloseTimeout = deliveryTimeout,
                // Support must hear about it: keep trying (idempotent per notice) with a capped backoff.
                RetryPolicy = new() { InitialInterval = TimeSpan.FromSeconds(5), MaximumInterval = TimeSpan.FromMinutes(5) },
                Summary = $"escalate to support (notice {status.EscalationNotices})",
            };
            if (Workflow.Patched(CancelPatches.OutboundCallsOnCallbackQueue))
            {
                options.TaskQueue = TemporalNames.CallbackTaskQueueOf(Workflow.Info.TaskQueue);
            }

            var receipt = await Workflow.ExecuteActivityAsync((SupportActivities a) => a.EscalateAsync(notice), options);
            status.Step("escalated to support", $"notice {status.EscalationNotices}: {receipt.Detail}");
            return true;
        }
        catch (Temporalio.Exceptions.ActivityFailureException e) when (deliveryTimeout is not null)
        {
            status.SupportDeliveryFailures++;
            SupportDeliveryFailureCounter.Add(1);
            status.Step(
                "support not reached",
                $"notice {status.EscalationNotices} not delivered within {deliveryTimeout} ({e.InnerException?.Message ?? e.Message}); still escalated, support must pick it up from the escalated list");
            return false;
        }
    }

    // Replay-safe (Workflow.MetricMeter drops values during replay); bridged to OpenTelemetry by the host.
    private static Temporalio.Common.MetricCounter<long> SupportDeliveryFailureCounter =>
        Workflow.MetricMeter.CreateCounter<long>(
            CancelMetrics.SupportDeliveryFailures, "{notice}", "Support notices not delivered within Support:DeliveryTimeout");
}
