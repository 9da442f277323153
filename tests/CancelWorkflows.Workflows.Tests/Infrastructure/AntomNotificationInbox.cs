using System.Collections.Concurrent;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>Receives the simulator's real signed notifications on loopback and acknowledges them, so workflow tests can
/// hand exactly those notifications to a workflow as signals (the service's ingress is tested on its own).</summary>
public sealed class AntomNotificationInbox : IAsyncDisposable
{
    private readonly WebApplication app;

    private AntomNotificationInbox(WebApplication app) => this.app = app;

    public ConcurrentQueue<byte[]> Bodies { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<AntomNotificationInbox> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var inbox = new AntomNotificationInbox(app);
        app.MapPost("/notify", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            inbox.Bodies.Enqueue(buffer.ToArray());
            return Results.Text(AntomNotificationAck.SuccessBody, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        inbox.Url = $"{address}/notify";
        return inbox;
    }

    /// <summary>The notification as the ingress turns it into a <c>PaymentNotified</c> signal (id = SHA-256 of the body).</summary>
    public static PaymentNotice ToPaymentNotice(byte[] body)
    {
        var parsed = AntomNotificationParser.Parse(body);
        var p = parsed.Payment ?? throw new InvalidOperationException($"not a payment notification: {parsed.Reason}");
        return new PaymentNotice(
            p.NotifyType!, p.Result?.ResultStatus, p.Result?.ResultCode, p.PaymentRequestId, p.PaymentId,
            p.PaymentAmount?.Currency, p.PaymentAmount?.Value, p.PaymentTime, Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    public async Task<byte[]> NextAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        byte[]? body;
        while (!Bodies.TryDequeue(out body))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("no notification arrived in 15 s");
            }

            await Task.Delay(50);
        }

        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
