using CancelWorkflows.Workflows.Promotions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>The booking service's holds endpoint on loopback (<c>GET /holds?promoId=&amp;pageToken=</c>, Bearer token),
/// serving fixed pages; it can answer 503 for its first calls to play an outage.</summary>
public sealed class HoldsSource : IAsyncDisposable
{
    public const string Token = "holds-test-token";

    private LoopbackApp? app;
    private int failuresLeft;
    private int calls;

    private HoldsSource(int failures) => failuresLeft = failures;

    public string Url { get; private set; } = string.Empty;

    public int Calls => calls;

    public static async Task<HoldsSource> StartAsync(IReadOnlyList<IReadOnlyList<UnpaidHold>> pages, int failFirstCalls = 0)
    {
        var source = new HoldsSource(failFirstCalls);
        source.app = await LoopbackApp.StartAsync(app => app.MapGet("/holds", (HttpContext context, string promoId, string? pageToken) =>
        {
            Interlocked.Increment(ref source.calls);
            if (context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                return Results.Unauthorized();
            }

            if (Interlocked.Decrement(ref source.failuresLeft) >= 0)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var index = pageToken is null ? 0 : int.Parse(pageToken, System.Globalization.CultureInfo.InvariantCulture);
            var next = index + 1 < pages.Count ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Results.Json(new HoldsPage(pages[index], next), System.Text.Json.JsonSerializerOptions.Web);
        }));
        source.Url = $"{source.app.BaseUrl}/holds";
        return source;
    }

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
