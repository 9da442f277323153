using System.Text.Json;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Tests.Contracts;

/// <summary>
/// Real answers of the API in the shapes that carry the most fields: a cancellation decided and then paid (a late success
/// with its refund reconciliation and a duplicate notification), an escalated one resolved by support, one scheduled with
/// notBefore, the start answer with its status, a listing page, and the OpenAPI document. The committed samples (<c>Samples/*.json</c>) were
/// made by <see cref="CaptureAsync"/> against the service as it answered before the wire contracts had a project of their
/// own; the tests compare today's answers with them.
/// </summary>
public static class WireSamples
{
    public const string LateSuccess = "status-late-success";
    public const string EscalatedResolved = "status-escalated-resolved";
    public const string Scheduled = "status-scheduled";
    public const string StartDecided = "start-decided";
    public const string ListPage = "list-page";
    public const string OpenApi = "openapi";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Contracts", "Samples");

    public static JsonObject Read(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")))!.AsObject();

    /// <summary>Makes each shape on the running service and returns its JSON as the API answered it.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonObject>> CaptureAsync(ApiDevMode api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var samples = new Dictionary<string, JsonObject>();
        var merchant = "wire-" + Guid.NewGuid().ToString("N")[..10];

        // Decided at once, then paid (C4, C5): a refund is expected; the same notification again is a duplicate.
        var late = CancellationApiCalls.NewPaymentRequestId();
        var payment = await api.Dev.PaidCardAsync(late);
        using (var started = await api.Booking.StartAsync(
            new { paymentRequestId = late, reason = "booking cancelled", bookingRef = "BK-wire", merchant, callbackUrl = "https://booking.example/cancel-events" },
            idempotencyKey: "wire-" + late,
            query: "?wait=30"))
        {
            samples[StartDecided] = await started.EnsureSuccessStatusCode().ReadObjectAsync();
        }

        var notice = new PaymentNotice("PAYMENT_RESULT", "S", "SUCCESS", late, payment.PaymentId, "USD", "1000", null, "late-" + late);
        var handle = api.Temporal.GetWorkflowHandle($"cancel-{late}");
        await handle.SignalAsync(TemporalNames.PaymentNotifiedSignal, [notice]);
        await handle.SignalAsync(TemporalNames.PaymentNotifiedSignal, [notice]);
        // After the reconciliation's first check of Antom (it saw the payment CANCELLED, no refund yet): before it, whether
        // the answer already shows paymentStatusSeen depended on timing.
        samples[LateSuccess] = await api.Booking.StatusWhenAsync(
            late, s => s["reconciliation"] is JsonObject { } r && r["paymentStatusSeen"] is not null && (int)s["duplicateNotifications"]! == 1);

        // Four U answers: escalated after the third retry; support resolves it.
        var escalated = await api.EscalatedCancellationAsync(merchant);
        using (var resolved = await api.Support.ResolveAsync(escalated, new { outcome = "Cancelled", note = "done in the Antom portal" }))
        {
            resolved.EnsureSuccessStatusCode();
        }

        samples[EscalatedResolved] = await api.Booking.StatusWhenAsync(escalated, s => s.Outcome() == "Resolved");

        // notBefore a day ahead: the workflow has run no code; the status comes from describe.
        var scheduled = CancellationApiCalls.NewPaymentRequestId();
        using (var started = await api.Booking.StartAsync(
            new { paymentRequestId = scheduled, bookingRef = "BK-later", merchant, notBefore = DateTimeOffset.UtcNow.AddDays(1).ToString("O") }))
        {
            started.EnsureSuccessStatusCode();
        }

        samples[Scheduled] = (await api.Booking.StatusAsync(scheduled))!;

        samples[ListPage] = await Eventually.ReturnsAsync(
            async () => JsonNode.Parse(await api.Booking.GetStringAsync($"v1/cancellations?merchant={merchant}"))!.AsObject(),
            page => page["items"]!.AsArray() is { Count: 3 } items
                && items.Any(i => (string?)i!["refundState"] == "Expected" && (bool)i["lateSuccess"]!)
                && items.Any(i => (string?)i!["outcome"] == "Resolved"),
            TimeSpan.FromSeconds(60),
            "the three cancellations in visibility, with the late success's refund state and the resolution");

        using var anonymous = api.NewHttp(null);
        samples[OpenApi] = JsonNode.Parse(await anonymous.GetStringAsync("openapi/v1.json"))!.AsObject();
        return samples;
    }

    /// <summary>
    /// Status fields the workflow gained after the samples were captured (safety counters of the cancel workflow: an
    /// unreadable eligibility answer, ignored signals, support deliveries that failed, continue-as-new, omitted steps).
    /// They are new fields, not changed ones: the comparison leaves them out of today's answers, and every field of the
    /// samples must still be there, the same.
    /// </summary>
    public static IReadOnlyList<string> StatusFieldsAddedSinceCapture { get; } =
        ["eligibilityUnknown", "ignoredSignals", "supportDeliveryFailures", "continuedAsNew", "stepsOmitted", "refundFallback", "antomMerchant", "fallback", "fallbackSource"];

    /// <summary>Today's answer without <see cref="StatusFieldsAddedSinceCapture"/> (on a status, or the status a start
    /// answer carries) where the captured one has none of them.</summary>
    public static JsonNode WithoutFieldsAddedSinceCapture(JsonNode now, JsonNode before)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(before);
        var copy = now.DeepClone();
        foreach (var (status, captured) in new[] { (copy as JsonObject, before as JsonObject), (copy["cancellation"] as JsonObject, before["cancellation"] as JsonObject) })
        {
            foreach (var field in StatusFieldsAddedSinceCapture.Where(f => status is not null && captured is not null && !captured.ContainsKey(f)))
            {
                status!.Remove(field);
            }
        }

        return copy;
    }

    /// <summary>Fields whose value is a date or null, which one depending on how the cancellation ran: since a
    /// cancellation closes at its outcome (patch <c>close-at-outcome-local-eligibility</c>) it has no watch window to
    /// show (<c>watchUntil</c> null) and a finished one is listed with its close time. Both stay on the wire with the
    /// same type; cancellations started before the patch still fill <c>watchUntil</c>.</summary>
    public static IReadOnlySet<string> DateOrNullSinceCloseAtOutcome { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "$.watchUntil", "$.cancellation.watchUntil", "$.items[].closeTime" };

    public static string Text(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
