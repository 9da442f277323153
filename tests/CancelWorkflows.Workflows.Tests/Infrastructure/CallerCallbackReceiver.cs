using System.Collections.Concurrent;
using System.Text.Json;
using CancelWorkflows.Workflows.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>A booking service's callback endpoint on loopback, which can be down (answers 503) for a while.</summary>
public sealed class CallerCallbackReceiver : IAsyncDisposable
{
    private LoopbackApp? app;
    private int refused;

    /// <summary>Events accepted (answered 200), in order.</summary>
    public ConcurrentQueue<CallerNotice> Received { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public bool Down { get; set; }

    public int Refused => Volatile.Read(ref refused);

    public static async Task<CallerCallbackReceiver> StartAsync(bool down = false)
    {
        var receiver = new CallerCallbackReceiver { Down = down };
        receiver.app = await LoopbackApp.StartAsync(app => app.MapPost("/callbacks", async (HttpContext context) =>
        {
            var notice = await JsonSerializer.DeserializeAsync<CallerNotice>(context.Request.Body, JsonSerializerOptions.Web);
            if (receiver.Down)
            {
                Interlocked.Increment(ref receiver.refused);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            receiver.Received.Enqueue(notice!);
            return Results.Ok();
        }));
        receiver.Url = $"{receiver.app.BaseUrl}/callbacks";
        return receiver;
    }

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
