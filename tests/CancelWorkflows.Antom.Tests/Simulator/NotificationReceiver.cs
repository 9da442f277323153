using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>A merchant's notification endpoint: a small Kestrel app on a free port that records every delivery and
/// answers as scripted per attempt (1-based).</summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    public const string Path = "/merchant/antom/notify";
    public const string SuccessBody = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<Received> received = new();

    private NotificationReceiver(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public IReadOnlyList<Received> Deliveries => [.. received];

    public static async Task<NotificationReceiver> StartAsync(Func<int, (int Status, string Body)> answer)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        NotificationReceiver? self = null;
        var attempts = 0;
        app.MapPost(Path, async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var attempt = Interlocked.Increment(ref attempts);
            self!.received.Enqueue(new Received(
                attempt,
                DateTimeOffset.UtcNow,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers["client-id"].ToString(),
                context.Request.Headers["request-time"].ToString(),
                context.Request.Headers["signature"].ToString(),
                buffer.ToArray()));
            var (status, body) = answer(attempt);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new NotificationReceiver(app, new Uri(address.TrimEnd('/') + Path));
        return self;
    }

    public static Task<NotificationReceiver> AcknowledgingAsync() => StartAsync(_ => (200, SuccessBody));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Received(int Attempt, DateTimeOffset At, string Path, string ClientId, string RequestTime, string Signature, byte[] Body);
}
