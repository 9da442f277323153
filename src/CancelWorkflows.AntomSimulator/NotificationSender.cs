using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.AntomSimulator;

/// <summary>One notification being delivered; guarded by its payment's <see cref="PaymentEntry.Gate"/>.</summary>
internal sealed class DeliveryState(string type, string notifyType, string resultStatus, Uri url, string clientId, DateTimeOffset createdAt)
{
    public string DeliveryId { get; } = Guid.NewGuid().ToString("N");

    public string Type { get; } = type;

    public string NotifyType { get; } = notifyType;

    public string ResultStatus { get; } = resultStatus;

    public Uri Url { get; } = url;

    public string ClientId { get; } = clientId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool Acknowledged { get; set; }

    public bool Finished { get; set; }

    public List<SimDeliveryAttempt> Attempts { get; } = [];

    public SimDelivery View() =>
        new(DeliveryId, Type, NotifyType, ResultStatus, Url.ToString(), ClientId, CreatedAt, Acknowledged, Finished, [.. Attempts]);
}

/// <summary>
/// Sends signed notifications with Antom's retry schedule (docs/antom-api.md §4): attempts after 0 s, 2 min, 10 min, 10 min,
/// 1 h, 2 h, 6 h and 15 h (each interval × <see cref="SimulatorOptions.NotificationTimeScale"/>, real time), until the
/// receiver answers HTTP 200 with a body whose <c>result</c> is <c>resultStatus</c> S and <c>resultCode</c> SUCCESS
/// (compared as parsed fields, so whitespace and member order do not matter; <c>resultMessage</c> is not checked).
/// Each attempt is signed afresh (new <c>request-time</c>, same body).
/// </summary>
internal sealed class NotificationSender : IAsyncDisposable
{
    public static readonly IReadOnlyList<TimeSpan> Schedule =
    [
        TimeSpan.Zero, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(15),
    ];

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private readonly SimulatorKeys keys;
    private readonly double scale;
    private readonly ILogger<NotificationSender> logger;
    private int disposed;

    public NotificationSender(SimulatorOptions options, SimulatorKeys keys, ILogger<NotificationSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        scale = options.NotificationTimeScale;
        this.keys = keys;
        this.logger = logger;
    }

    /// <summary>Cancelled when the simulator stops: pending retries and fault delays end.</summary>
    public CancellationToken Stopping => stopping.Token;

    public void Start(PaymentEntry entry, DeliveryState delivery, byte[] body)
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            return;
        }

        var task = Task.Run(() => RunAsync(entry, delivery, body));
        running[task] = 0;
        _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public void Stop()
    {
        if (!stopping.IsCancellationRequested)
        {
            stopping.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        Stop();
        try
        {
            await Task.WhenAll(running.Keys);
        }
        catch (OperationCanceledException)
        {
            // stopped mid-delay
        }

        http.Dispose();
        stopping.Dispose();
    }

    private async Task RunAsync(PaymentEntry entry, DeliveryState delivery, byte[] body)
    {
        var token = stopping.Token;
        try
        {
            for (var attempt = 1; attempt <= Schedule.Count; attempt++)
            {
                var wait = TimeSpan.FromTicks((long)(Schedule[attempt - 1].Ticks * scale));
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, token);
                }

                var (status, acknowledged, error) = await AttemptAsync(delivery, body, token);
                lock (entry.Gate)
                {
                    delivery.Attempts.Add(new SimDeliveryAttempt(attempt, DateTimeOffset.UtcNow, status, acknowledged, error));
                    delivery.Acknowledged = acknowledged;
                    delivery.Finished = acknowledged || attempt == Schedule.Count;
                }

                logger.LogInformation(
                    "Notification {DeliveryId} ({Type} {NotifyType}) attempt {Attempt} to {Url}: HTTP {Status} {Verdict}{Error}",
                    delivery.DeliveryId,
                    delivery.Type,
                    delivery.NotifyType,
                    attempt,
                    delivery.Url,
                    status,
                    acknowledged ? "acknowledged" : "not acknowledged",
                    error is null ? string.Empty : $" ({error})");
                if (acknowledged)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // the simulator is stopping
        }
    }

    private async Task<(int? Status, bool Acknowledged, string? Error)> AttemptAsync(DeliveryState delivery, byte[] body, CancellationToken stop)
    {
        var path = delivery.Url.PathAndQuery;
        var requestTime = AntomSignature.RequestTime(DateTimeOffset.UtcNow);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        request.Headers.TryAddWithoutValidation(AntomSignature.ClientIdHeader, delivery.ClientId);
        request.Headers.TryAddWithoutValidation(AntomSignature.RequestTimeHeader, requestTime);
        request.Headers.TryAddWithoutValidation(AntomSignature.HeaderName, keys.Sign(path, delivery.ClientId, requestTime, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var raw = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var status = (int)response.StatusCode;
            return (status, status == 200 && IsSuccessAcknowledgement(raw), null);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return (null, false, $"no answer within {AttemptTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return (null, false, e.Message);
        }
    }

    /// <summary>Antom's fixed acknowledgement: <c>{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}</c>.</summary>
    public static bool IsSuccessAcknowledgement(ReadOnlySpan<byte> body)
    {
        try
        {
            var ack = AntomJson.Deserialize<Acknowledgement>(body);
            return ack?.Result is { ResultStatus: "S", ResultCode: "SUCCESS" };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record Acknowledgement(AntomResult? Result);
}
