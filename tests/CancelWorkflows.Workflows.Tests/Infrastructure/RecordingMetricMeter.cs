using Temporalio.Runtime;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>A Temporal runtime metric meter that keeps every value it is given, with its tags, so a test sees what a worker
/// records through the same path the host bridges to OpenTelemetry.</summary>
public sealed class RecordingMetricMeter : ICustomMetricMeter
{
    private readonly Lock gate = new();
    private readonly List<(string Name, double Value, IReadOnlyDictionary<string, object> Tags)> values = [];

    public ICustomMetricCounter<T> CreateCounter<T>(string name, string? unit, string? description)
        where T : struct => new Instrument<T>(this, name);

    public ICustomMetricHistogram<T> CreateHistogram<T>(string name, string? unit, string? description)
        where T : struct => new Instrument<T>(this, name);

    public ICustomMetricGauge<T> CreateGauge<T>(string name, string? unit, string? description)
        where T : struct => new Instrument<T>(this, name);

    public object CreateTags(object? appendFrom, IReadOnlyCollection<KeyValuePair<string, object>> tags)
    {
        var all = new Dictionary<string, object>((appendFrom as Dictionary<string, object>) ?? []);
        foreach (var (key, value) in tags)
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>Every value recorded under <paramref name="name"/> so far.</summary>
    public IReadOnlyList<(double Value, IReadOnlyDictionary<string, object> Tags)> Of(string name)
    {
        lock (gate)
        {
            return [.. values.Where(v => v.Name == name).Select(v => (v.Value, v.Tags))];
        }
    }

    private void Record(string name, double value, object tags)
    {
        lock (gate)
        {
            values.Add((name, value, (Dictionary<string, object>)tags));
        }
    }

    private sealed class Instrument<T>(RecordingMetricMeter meter, string name) : ICustomMetricCounter<T>, ICustomMetricHistogram<T>, ICustomMetricGauge<T>
        where T : struct
    {
        public void Add(T value, object tags) => meter.Record(name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags);

        public void Record(T value, object tags) => Add(value, tags);

        public void Set(T value, object tags) => Add(value, tags);
    }
}
