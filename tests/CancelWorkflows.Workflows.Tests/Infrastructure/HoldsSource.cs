using CancelWorkflows.Workflows.Promotions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>The booking service's holds endpoint on loopback (<c>GET /holds?promoId=&amp;pageToken=</c>, Bearer token),
/// serving fixed pages; it can answer 503 for its first calls to play an outage.</summary>
public sealed class HoldsSource : IAsyncDisposable
{
    public const string Token = "holds-test-token";

    private readonly WebApplication app;
    private int failuresLeft;
    private int calls;

    private HoldsSource(WebApplication app, int failures)
    {
        this.app = app;
        failuresLeft = failures;
    }

    public string Url { get; private set; } = string.Empty;

    public int Calls => calls;

    public static async Task<HoldsSource> StartAsync(IReadOnlyList<IReadOnlyList<UnpaidHold>> pages, int failFirstCalls = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var source = new HoldsSource(app, failFirstCalls);
        app.MapGet("/holds", (HttpContext context, string promoId, string? pageToken) =>
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
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        source.Url = $"{address}/holds";
        return source;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
