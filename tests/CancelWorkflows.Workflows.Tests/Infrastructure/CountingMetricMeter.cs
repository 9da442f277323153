using System.Collections.Concurrent;
using Temporalio.Client;
using Temporalio.Runtime;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>A Temporal metric sink that sums counters by name, and a client on its own runtime that reports to it: what
/// workflows add through <c>Workflow.MetricMeter</c> becomes visible to a test. One runtime for the whole test run (a
/// runtime is a thread pool of its own).</summary>
public sealed class CountingMetricMeter : ICustomMetricMeter
{
    private static readonly Lazy<CountingMetricMeter> Shared = new(() => new CountingMetricMeter());
    private readonly ConcurrentDictionary<string, long> counters = new(StringComparer.Ordinal);
    private readonly TemporalRuntime runtime;

    private CountingMetricMeter() =>
        runtime = new TemporalRuntime(new() { Telemetry = new() { Metrics = new() { CustomMetricMeter = this } } });

    public static CountingMetricMeter Instance => Shared.Value;

    public long Count(string counter) => counters.GetValueOrDefault(counter);

    /// <summary>A client of the same server as <paramref name="client"/>, whose workers report metrics here.</summary>
    public Task<TemporalClient> ConnectAsync(ITemporalClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return TemporalClient.ConnectAsync(new(client.Connection.Options.TargetHost!) { Namespace = client.Options.Namespace, Runtime = runtime });
    }

    public ICustomMetricCounter<T> CreateCounter<T>(string name, string? unit, string? description)
        where T : struct => new Counter<T>(this, name);

    public ICustomMetricHistogram<T> CreateHistogram<T>(string name, string? unit, string? description)
        where T : struct => new Ignored<T>();

    public ICustomMetricGauge<T> CreateGauge<T>(string name, string? unit, string? description)
        where T : struct => new Ignored<T>();

    public object CreateTags(object? appendFrom, IReadOnlyCollection<KeyValuePair<string, object>> tags) => tags;

    private sealed class Counter<T>(CountingMetricMeter meter, string name) : ICustomMetricCounter<T>
        where T : struct
    {
        public void Add(T value, object tags) => meter.counters.AddOrUpdate(name, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), (_, sum) => sum + Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class Ignored<T> : ICustomMetricHistogram<T>, ICustomMetricGauge<T>
        where T : struct
    {
        public void Record(T value, object tags)
        {
        }

        public void Set(T value, object tags)
        {
        }
    }
}
