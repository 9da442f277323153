using System.Collections.Concurrent;
using System.Text.Json;
using CancelWorkflows.Workflows.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>A support tool's webhook on loopback: records every escalation notice with its idempotency key.</summary>
public sealed class SupportWebhookReceiver : IAsyncDisposable
{
    private LoopbackApp? app;

    public ConcurrentQueue<(string IdempotencyKey, EscalationNotice Notice)> Received { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<SupportWebhookReceiver> StartAsync()
    {
        var receiver = new SupportWebhookReceiver();
        receiver.app = await LoopbackApp.StartAsync(app => app.MapPost("/support", async (HttpContext context) =>
        {
            var notice = await JsonSerializer.DeserializeAsync<EscalationNotice>(context.Request.Body, JsonSerializerOptions.Web);
            receiver.Received.Enqueue((context.Request.Headers["Idempotency-Key"].ToString(), notice!));
            return Results.Ok();
        }));
        receiver.Url = $"{receiver.app.BaseUrl}/support";
        return receiver;
    }

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
