using System.Collections.Concurrent;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Benchmarks.Harness;

namespace CancelWorkflows.Benchmarks.Notifications;

/// <summary>Posts notifications with a fixed number of concurrent callers (keep-alive connections, one per caller) and
/// records, per request, the latency (send to last byte of the answer), the status and whether it was Antom's exact ack.</summary>
public sealed class NotificationSender : IDisposable
{
    private readonly HttpClient http;

    public NotificationSender(Uri baseAddress, int connections)
    {
        http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Sends <paramref name="count"/> requests made by <paramref name="make"/>(i) with <paramref name="callers"/>
    /// in flight; all latencies, statuses and acknowledgements.</summary>
    public Task<LoadResult> RunAsync(int count, int callers, Func<int, HttpRequestMessage> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        return RunAsync(count, callers, i => SendAsync(make(i)));
    }

    /// <summary>Runs <paramref name="count"/> operations, <paramref name="callers"/> at a time; each reports
    /// (status, acknowledged, milliseconds).</summary>
    public static async Task<LoadResult> RunAsync(int count, int callers, Func<int, Task<(int Status, bool Acknowledged, double Ms)>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new double[count];
        var statuses = new ConcurrentDictionary<int, int>();
        var acked = 0;
        var next = -1;
        var started = Timing.Now();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var (status, ack, ms) = await operation(i);
                latencies[i] = ms;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (ack)
                {
                    Interlocked.Increment(ref acked);
                }
            }
        })));
        return new LoadResult(count, Timing.MsSince(started), latencies, new Dictionary<int, int>(statuses), acked);
    }

    /// <summary>One request: (HTTP status or 0 when no answer, exact acknowledgement, milliseconds).</summary>
    public async Task<(int Status, bool Acknowledged, double Ms)> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (request)
        {
            var start = Timing.Now();
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var ms = Timing.MsSince(start);
                return ((int)response.StatusCode, (int)response.StatusCode == 200 && body == AntomNotificationAck.SuccessBody, ms);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return (0, false, Timing.MsSince(start));
            }
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>What one load run saw.</summary>
public sealed record LoadResult(int Count, double WallMs, double[] LatenciesMs, IReadOnlyDictionary<int, int> Statuses, int Acknowledged)
{
    public double PerSecond => Count / (WallMs / 1000);

    public int ServerErrors => Statuses.Where(kv => kv.Key >= 500).Sum(kv => kv.Value);

    public int NoAnswer => Statuses.GetValueOrDefault(0);
}
