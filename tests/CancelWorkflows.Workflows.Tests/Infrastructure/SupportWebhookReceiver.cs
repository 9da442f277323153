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

    private int refused;

    /// <summary>Notices accepted (answered 200).</summary>
    public ConcurrentQueue<(string IdempotencyKey, EscalationNotice Notice)> Received { get; } = new();

    public string Url { get; private set; } = string.Empty;

    /// <summary>While true, every delivery is answered 503 (the support tool is down) and not recorded as received.</summary>
    public bool Down { get; set; }

    public int Refused => Volatile.Read(ref refused);

    public static async Task<SupportWebhookReceiver> StartAsync()
    {
        var receiver = new SupportWebhookReceiver();
        receiver.app = await LoopbackApp.StartAsync(app => app.MapPost("/support", async (HttpContext context) =>
        {
            var notice = await JsonSerializer.DeserializeAsync<EscalationNotice>(context.Request.Body, JsonSerializerOptions.Web);
            if (receiver.Down)
            {
                Interlocked.Increment(ref receiver.refused);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            receiver.Received.Enqueue((context.Request.Headers["Idempotency-Key"].ToString(), notice!));
            return Results.Ok();
        }));
        receiver.Url = $"{receiver.app.BaseUrl}/support";
        return receiver;
    }

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
