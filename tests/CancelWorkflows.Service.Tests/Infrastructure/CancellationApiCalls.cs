using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>The calls a booking service makes, as plain HTTP and JSON (the test reads the wire, not our types).</summary>
public static class CancellationApiCalls
{
    public static async Task<HttpResponseMessage> PostCancellationAsync(this HttpClient api, object body) =>
        await api.PostAsJsonAsync("v1/cancellations", body);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject()
        ?? throw new InvalidOperationException("Empty JSON body.");

    /// <summary>Polls <c>GET /v1/cancellations/{id}</c> until <c>outcome</c> is set; returns the last status.</summary>
    public static async Task<JsonObject> WaitForOutcomeAsync(this HttpClient api, string statusUrl, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await api.GetAsync(statusUrl.TrimStart('/'));
            if (response.IsSuccessStatusCode)
            {
                last = await response.ReadObjectAsync();
                if (last["outcome"] is JsonValue outcome && outcome.GetValueKind() == JsonValueKind.String)
                {
                    return last;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No outcome at {statusUrl} within {timeout}; last status: {last?.ToJsonString() ?? "none"}");
    }

    /// <summary>A paid card authorisation, not captured, paid minutes ago: W3 allows the cancel (void).</summary>
    public static Task<SimPaymentView> PutPaidCardPaymentAsync(this SimulatorControlClient simulator, string paymentRequestId) =>
        simulator.PutPaymentAsync(paymentRequestId, new SimPaymentInput
        {
            PaymentMethodType = "CARD",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-5),
            PaymentTime = DateTimeOffset.UtcNow.AddMinutes(-5),
        });

    public static string NewPaymentRequestId() => "pr-" + Guid.NewGuid().ToString("N")[..16];
}
