using System.Diagnostics.Metrics;
using Temporalio.Runtime;
using Temporalio.Workflows;

namespace CancelWorkflows.Service.Observability;

/// <summary>
/// Hands Temporal's metrics (core metrics such as <c>temporal_workflow_task_execution_latency</c>, and the counters the
/// workflow records through <c>Workflow.MetricMeter</c>) to a <see cref="System.Diagnostics.Metrics.Meter"/>, so they
/// reach OpenTelemetry like any other .NET metric. The Temporalio.Extensions.DiagnosticSource package does the same
/// but is not available here.
/// </summary>
public sealed class TemporalMetricsBridge(Meter meter) : ICustomMetricMeter
{
    public Meter Meter { get; } = meter ?? throw new ArgumentNullException(nameof(meter));

    public ICustomMetricCounter<T> CreateCounter<T>(string name, string? unit, string? description)
        where T : struct => new BridgedCounter<T>(Meter.CreateCounter<T>(name, unit, description));

    public ICustomMetricHistogram<T> CreateHistogram<T>(string name, string? unit, string? description)
        where T : struct => new BridgedHistogram<T>(Meter.CreateHistogram<T>(name, unit, description));

    public ICustomMetricGauge<T> CreateGauge<T>(string name, string? unit, string? description)
        where T : struct => new BridgedGauge<T>(Meter.CreateGauge<T>(name, unit, description));

    /// <summary>Temporal passes the returned object back with every value; it must not change afterwards.</summary>
    public object CreateTags(object? appendFrom, IReadOnlyCollection<KeyValuePair<string, object>> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var inherited = (appendFrom as BridgedTags)?.Items ?? [];
        var items = new KeyValuePair<string, object?>[inherited.Length + tags.Count];
        inherited.CopyTo(items, 0);
        var i = inherited.Length;
        foreach (var tag in tags)
        {
            items[i++] = new(tag.Key, tag.Value);
        }

        return new BridgedTags(items);
    }

    /// <summary>
    /// Workflow code runs under Temporal's task-tracing listener; recording is synchronous and starts no task, but keep
    /// the listener out of it anyway, as Temporal's own DiagnosticSource bridge does.
    /// </summary>
    internal static void Record(Action record)
    {
        if (Workflow.InWorkflow)
        {
            Workflow.Unsafe.WithTracingEventListenerDisabled(record);
        }
        else
        {
            record();
        }
    }

    internal static ReadOnlySpan<KeyValuePair<string, object?>> Span(object tags) => ((BridgedTags)tags).Items;

    private sealed record BridgedTags(KeyValuePair<string, object?>[] Items);

    private sealed class BridgedCounter<T>(Counter<T> counter) : ICustomMetricCounter<T>
        where T : struct
    {
        public void Add(T value, object tags) => Record(() => counter.Add(value, Span(tags)));
    }

    private sealed class BridgedHistogram<T>(Histogram<T> histogram) : ICustomMetricHistogram<T>
        where T : struct
    {
        public void Record(T value, object tags) => TemporalMetricsBridge.Record(() => histogram.Record(value, Span(tags)));
    }

    private sealed class BridgedGauge<T>(Gauge<T> gauge) : ICustomMetricGauge<T>
        where T : struct
    {
        public void Set(T value, object tags) => Record(() => gauge.Record(value, Span(tags)));
    }
}
