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
        status.TemporalWebUrl = temporalWebBaseUrl is { Length: > 0 } web
            ? $"{web.TrimEnd('/')}/namespaces/{info.Namespace}/workflows/{Uri.EscapeDataString(info.WorkflowId)}/{info.RunId}/history"
            : null;
    }

    /// <summary>Opens or re-notifies a support case (A4, and unconfirmed refunds); idempotent per notice number.</summary>
    public static async Task NotifySupportAsync(this CancelStatus status, string reason, InquiryResult? lastInquiry)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.EscalationNotices++;
        var notice = new EscalationNotice(
            status.WorkflowId!, status.RunId, status.PaymentRequestId, status.PaymentId, status.BookingRef, status.Merchant,
            reason, status.EscalationNotices, [.. status.Attempts], lastInquiry, status.TemporalWebUrl, Workflow.UtcNow);
        var receipt = await Workflow.ExecuteActivityAsync(
            (SupportActivities a) => a.EscalateAsync(notice),
            new()
            {
                StartToCloseTimeout = TimeSpan.FromMinutes(1),
                // Support must hear about it: keep trying (idempotent per notice) with a capped backoff.
                RetryPolicy = new() { InitialInterval = TimeSpan.FromSeconds(5), MaximumInterval = TimeSpan.FromMinutes(5) },
                Summary = $"escalate to support (notice {status.EscalationNotices})",
            });
        status.Step("escalated to support", $"notice {status.EscalationNotices}: {receipt.Detail}");
    }
}
