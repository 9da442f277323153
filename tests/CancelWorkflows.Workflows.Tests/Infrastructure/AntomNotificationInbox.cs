using System.Collections.Concurrent;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>Receives the simulator's real signed notifications on loopback and acknowledges them, so workflow tests can
/// hand exactly those notifications to a workflow as signals (the service's ingress is tested on its own).</summary>
public sealed class AntomNotificationInbox : IAsyncDisposable
{
    private LoopbackApp? app;

    public ConcurrentQueue<byte[]> Bodies { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<AntomNotificationInbox> StartAsync()
    {
        var inbox = new AntomNotificationInbox();
        inbox.app = await LoopbackApp.StartAsync(app => app.MapPost("/notify", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            inbox.Bodies.Enqueue(buffer.ToArray());
            return Results.Text(AntomNotificationAck.SuccessBody, "application/json");
        }));
        inbox.Url = $"{inbox.app.BaseUrl}/notify";
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

    /// <summary>The notification as the ingress turns it into a <c>RefundNotified</c> signal (id = SHA-256 of the body).</summary>
    public static RefundNotice ToRefundNotice(byte[] body)
    {
        var parsed = AntomNotificationParser.Parse(body);
        var r = parsed.Refund ?? throw new InvalidOperationException($"not a refund notification: {parsed.Reason}");
        return new RefundNotice(
            r.RefundStatus, r.RefundId, r.RefundRequestId, r.RefundAmount?.Currency, r.RefundAmount?.Value, r.RefundTime,
            Convert.ToHexStringLower(SHA256.HashData(body)));
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

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
