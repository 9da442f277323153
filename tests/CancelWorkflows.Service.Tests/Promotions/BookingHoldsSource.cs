using System.Collections.Concurrent;
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

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>The booking service's holds endpoint on a loopback port (<c>GET /holds?promoId=&amp;pageToken=</c>, Bearer
/// <see cref="Token"/>), serving the pages each test sets for its promotion; unknown promotions have no holds.</summary>
public sealed class BookingHoldsSource : IAsyncDisposable
{
    public const string Token = "booking-holds-token";

    private readonly ConcurrentDictionary<string, IReadOnlyList<IReadOnlyList<UnpaidHold>>> pagesByPromo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> callsByPromo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> delayByPromo = new(StringComparer.Ordinal);
    private WebApplication? app;

    public string Url { get; private set; } = string.Empty;

    public static async Task<BookingHoldsSource> StartAsync()
    {
        var source = new BookingHoldsSource();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        source.app = builder.Build();
        source.app.MapGet("/holds", async (HttpContext context, string promoId, string? pageToken) =>
        {
            await Task.Delay(source.delayByPromo.GetValueOrDefault(promoId));
            return source.Answer(context, promoId, pageToken);
        });
        await source.app.StartAsync();
        var address = source.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        source.Url = address.TrimEnd('/') + "/holds";
        return source;
    }

    /// <summary>The holds of <paramref name="promoId"/>, <paramref name="pageSize"/> a page, each page after <paramref name="delay"/>.</summary>
    public void Serve(string promoId, IReadOnlyList<UnpaidHold> holds, int pageSize, TimeSpan delay = default)
    {
        pagesByPromo[promoId] = [.. holds.Chunk(pageSize).Select(c => (IReadOnlyList<UnpaidHold>)c)];
        delayByPromo[promoId] = delay;
    }

    public int Calls(string promoId) => callsByPromo.GetValueOrDefault(promoId);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private IResult Answer(HttpContext context, string promoId, string? pageToken)
    {
        callsByPromo.AddOrUpdate(promoId, 1, (_, n) => n + 1);
        if (context.Request.Headers.Authorization != $"Bearer {Token}")
        {
            return Results.Unauthorized();
        }

        var pages = pagesByPromo.GetValueOrDefault(promoId) ?? [];
        var index = pageToken is null ? 0 : int.Parse(pageToken, CultureInfo.InvariantCulture);
        var holds = index < pages.Count ? pages[index] : [];
        var next = index + 1 < pages.Count ? (index + 1).ToString(CultureInfo.InvariantCulture) : null;
        return Results.Json(new HoldsPage(holds, next), System.Text.Json.JsonSerializerOptions.Web);
    }
}
