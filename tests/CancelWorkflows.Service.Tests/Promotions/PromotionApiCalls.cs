using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Client;
using Temporalio.Client.Schedules;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>The promotions API as plain HTTP and JSON (the tests read the wire), and looks at the schedule itself.</summary>
public static class PromotionApiCalls
{
    public static string NewPromoId(string prefix = "p") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static string InAnHour() => DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> CreatePromotionAsync(this HttpClient api, object body) =>
        api.PostAsJsonAsync("v1/promotions", body);

    public static Task<HttpResponseMessage> PutPromotionAsync(this HttpClient api, string promoId, object body) =>
        api.PutAsJsonAsync($"v1/promotions/{promoId}", body);

    public static async Task<JsonObject> GetPromotionAsync(this HttpClient api, string promoId)
    {
        using var response = await api.GetAsync($"v1/promotions/{promoId}");
        Assert.True(response.IsSuccessStatusCode, $"GET {promoId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadObjectAsync();
    }

    /// <summary>Polls GET until the last run is Completed and is not <paramref name="notRunId"/>; returns the promotion.
    /// By run id: two triggers in the same second get the same workflow id (the schedule appends the second).</summary>
    public static async Task<JsonObject> WaitForCompletedRunAsync(this HttpClient api, string promoId, string? notRunId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await api.GetPromotionAsync(promoId);
            if (last["lastRun"] is JsonObject run && (string?)run["status"] == "Completed" && (string?)run["runId"] != notRunId)
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No completed run of {promoId} within {timeout}; last: {last?.ToJsonString()}");
    }

    /// <summary>The schedule as Temporal has it, or null when there is none.</summary>
    public static async Task<ScheduleDescription?> ScheduleAsync(this ITemporalClient temporal, string promoId)
    {
        try
        {
            return await temporal.GetScheduleHandle($"promo-expiry-{promoId}").DescribeAsync();
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return null;
        }
    }
}
