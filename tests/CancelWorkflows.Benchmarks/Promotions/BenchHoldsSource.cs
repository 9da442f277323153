using System.Globalization;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Benchmarks.Promotions;

/// <summary>The booking service's holds endpoint for P4: one promotion's holds, <c>pageSize</c> a page, Bearer token.</summary>
public sealed class BenchHoldsSource : IAsyncDisposable
{
    public const string Token = "bench-holds-token";

    private readonly WebApplication app;

    private BenchHoldsSource(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<BenchHoldsSource> StartAsync(string promoId, IReadOnlyList<string> paymentRequestIds, int pageSize)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/bench/holds", (HttpContext context, string? pageToken) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {Token}" || context.Request.Query["promoId"] != promoId)
            {
                return Results.Unauthorized();
            }

            var start = pageToken is null ? 0 : int.Parse(pageToken, CultureInfo.InvariantCulture);
            var holds = paymentRequestIds.Skip(start).Take(pageSize)
                .Select(id => new UnpaidHold(id, $"BK-{id}", new HoldAmount("USD", "1000")))
                .ToList();
            var next = start + pageSize < paymentRequestIds.Count ? (start + pageSize).ToString(CultureInfo.InvariantCulture) : null;
            return Results.Json(new HoldsPage(holds, next), System.Text.Json.JsonSerializerOptions.Web);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BenchHoldsSource(app, address.TrimEnd('/') + "/bench/holds");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
