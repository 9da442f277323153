using System.Collections.Concurrent;
using System.Text.Json;
using CancelWorkflows.Workflows.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>A support tool's webhook on loopback: records every escalation notice with its idempotency key.</summary>
public sealed class SupportWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private SupportWebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string IdempotencyKey, EscalationNotice Notice)> Received { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<SupportWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new SupportWebhookReceiver(app);
        app.MapPost("/support", async (HttpContext context) =>
        {
            var notice = await JsonSerializer.DeserializeAsync<EscalationNotice>(context.Request.Body, JsonSerializerOptions.Web);
            receiver.Received.Enqueue((context.Request.Headers["Idempotency-Key"].ToString(), notice!));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = $"{address}/support";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
