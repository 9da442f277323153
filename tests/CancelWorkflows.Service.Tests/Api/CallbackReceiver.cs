using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>
/// A booking service's callback endpoint on loopback: <c>POST /callbacks/{name}</c> records every delivery attempt (raw body,
/// headers, the status it answered). A name can be told to answer 503 to its first attempts, as an endpoint that is down.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> failFirst = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);
    private WebApplication? app;

    public ConcurrentQueue<CallbackDelivery> Deliveries { get; } = new();

    /// <summary>Without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<CallbackReceiver> StartAsync()
    {
        var receiver = new CallbackReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/callbacks/{name}", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.app = app;
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return receiver;
    }

    /// <summary>A fresh callback URL; its first <paramref name="failFirst"/> attempts are answered 503.</summary>
    public string NewUrl(int failFirst = 0)
    {
        var name = Guid.NewGuid().ToString("N");
        this.failFirst[name] = failFirst;
        return $"{BaseUrl}/callbacks/{name}";
    }

    public IReadOnlyList<CallbackDelivery> To(string url) => [.. Deliveries.Where(d => d.Url == url)];

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(string name, HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var attempt = attempts.AddOrUpdate(name, 1, (_, n) => n + 1);
        var down = attempt <= failFirst.GetValueOrDefault(name);
        var status = down ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        Deliveries.Enqueue(new CallbackDelivery(
            $"{BaseUrl}/callbacks/{name}",
            buffer.ToArray(),
            context.Request.Headers["Idempotency-Key"].ToString(),
            context.Request.Headers["X-CancelWorkflows-Signature"].ToString(),
            context.Request.ContentType,
            status,
            DateTimeOffset.UtcNow));
        return Results.StatusCode(status);
    }
}

/// <summary>One attempt to deliver a callback, as the receiver saw it.</summary>
public sealed record CallbackDelivery(
    string Url, byte[] Body, string IdempotencyKey, string Signature, string? ContentType, int AnsweredStatus, DateTimeOffset ReceivedAt);
