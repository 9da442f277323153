using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>The wire calls of the API tests (plain HTTP and JSON) and the payments they cancel.</summary>
public static class ApiCalls
{
    public static async Task<HttpResponseMessage> StartAsync(this HttpClient api, object body, string? idempotencyKey = null, string? query = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/cancellations" + query) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await api.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient api, string path, string json, string contentType = "application/json")
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await api.PostAsync(path, content);
    }

    public static async Task<HttpResponseMessage> ResolveAsync(this HttpClient api, string paymentRequestId, object body) =>
        await api.PostAsJsonAsync($"v1/cancellations/{paymentRequestId}/escalation/resolve", body);

    /// <summary>The status (JSON), or null on 404.</summary>
    public static async Task<JsonObject?> StatusAsync(this HttpClient api, string paymentRequestId)
    {
        using var response = await api.GetAsync($"v1/cancellations/{paymentRequestId}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().ReadObjectAsync();
    }

    /// <summary>Polls the status until <paramref name="done"/> says so; throws with the last status on timeout.</summary>
    public static async Task<JsonObject> StatusWhenAsync(this HttpClient api, string paymentRequestId, Func<JsonObject, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? ApiDevMode.OutcomeTimeout);
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await api.StatusAsync(paymentRequestId);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Status of {paymentRequestId} never got there; last: {last?.ToJsonString() ?? "none"}");
    }

    public static string? Outcome(this JsonObject status) =>
        status["outcome"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A problem's field errors (empty when none).</summary>
    public static IReadOnlyDictionary<string, string[]> FieldErrors(this JsonObject problem) =>
        problem["errors"] is JsonObject errors
            ? errors.ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => (string)m!).ToArray())
            : new Dictionary<string, string[]>();

    /// <summary>A paid card authorisation: cancelled at once (S).</summary>
    public static Task<SimPaymentView> PaidCardAsync(this DevModeInstance dev, string paymentRequestId) =>
        dev.Simulator.PutPaidCardPaymentAsync(paymentRequestId);

    /// <summary>A paid card whose cancel answers U <paramref name="count"/> times (4 → escalated after the third retry).</summary>
    public static async Task<SimPaymentView> PaidCardAnsweringUAsync(this DevModeInstance dev, string paymentRequestId, int count)
    {
        var payment = await dev.Simulator.PutPaidCardPaymentAsync(paymentRequestId);
        await dev.Simulator.QueueFaultsAsync(paymentRequestId, new SimFault { Kind = "U", Count = count });
        return payment;
    }

    /// <summary>A payment Antom already shows as CANCELLED.</summary>
    public static Task<SimPaymentView> AlreadyCancelledAsync(this DevModeInstance dev, string paymentRequestId) =>
        dev.Simulator.PutPaymentAsync(paymentRequestId, new SimPaymentInput
        {
            PaymentMethodType = "CARD",
            PaymentStatus = "CANCELLED",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-5),
        });

    /// <summary>An escalated cancellation, waiting for support (about 6 s with the fixture's retry delays).</summary>
    public static async Task<string> EscalatedCancellationAsync(this ApiDevMode api, string? merchant = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAnsweringUAsync(id, 4);
        using var started = await api.Booking.StartAsync(new { paymentRequestId = id, merchant, reason = "escalate me" });
        started.EnsureSuccessStatusCode();
        await api.Booking.StatusWhenAsync(id, s => s.Outcome() == "Escalated");
        return id;
    }

    /// <summary>A cancellation of a merchant of its own started by each of two callers; returns once an operator lists both
    /// (visibility is eventually consistent).</summary>
    public static async Task<(string Merchant, string First, string Second)> OneEachOfAMerchantAsync(this ApiDevMode api, HttpClient first, HttpClient second)
    {
        ArgumentNullException.ThrowIfNull(api);
        var merchant = "xc-" + Guid.NewGuid().ToString("N")[..10];
        var ids = new[] { CancellationApiCalls.NewPaymentRequestId(), CancellationApiCalls.NewPaymentRequestId() };
        foreach (var (caller, id) in new[] { first, second }.Zip(ids))
        {
            await api.Dev.PaidCardAsync(id);
            using var started = await caller.StartAsync(new { paymentRequestId = id, merchant });
            started.EnsureSuccessStatusCode();
        }

        await Eventually.ReturnsAsync(() => api.Support.ListedIdsAsync(merchant), listed => listed.Count == 2, TimeSpan.FromSeconds(60), "both in visibility");
        return (merchant, ids[0], ids[1]);
    }

    /// <summary>The paymentRequestIds this caller lists for the merchant.</summary>
    public static async Task<List<string>> ListedIdsAsync(this HttpClient caller, string merchant)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var response = await caller.GetAsync($"v1/cancellations?merchant={merchant}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadObjectAsync())["items"]!.AsArray().Select(i => (string)i!["paymentRequestId"]!)];
    }
}
