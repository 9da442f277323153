using System.Diagnostics.Metrics;
using CancelWorkflows.Service.Observability;

namespace CancelWorkflows.Service.Tests.Observability;

public sealed class TemporalMetricsBridgeTests
{
    [Fact]
    public void Counter_HistogramAndGauge_ReachTheMeterWithTheirTags()
    {
        using var meter = new Meter("test-bridge-" + Guid.NewGuid());
        using var recorded = new RecordedMeasurements(meter);
        var bridge = new TemporalMetricsBridge(meter);
        var baseTags = bridge.CreateTags(null, [new("namespace", "default")]);
        var tags = bridge.CreateTags(baseTags, [new("outcome", "Cancelled")]);

        bridge.CreateCounter<long>("cancelworkflows_outcomes", "{cancellation}", "by outcome").Add(2, tags);
        bridge.CreateHistogram<double>("latency", "s", null).Record(0.25, baseTags);
        bridge.CreateGauge<long>("slots", null, null).Set(7, baseTags);

        var outcome = Assert.Single(recorded.Of("cancelworkflows_outcomes"));
        Assert.Equal(2d, outcome.Value);
        Assert.Equal("default", outcome.Tags["namespace"]);
        Assert.Equal("Cancelled", outcome.Tags["outcome"]);
        Assert.Equal(0.25, Assert.Single(recorded.Of("latency")).Value);
        Assert.Equal(7d, Assert.Single(recorded.Of("slots")).Value);
    }

    [Fact]
    public void CreateTags_AppendFrom_LeavesTheEarlierSetUnchanged()
    {
        using var meter = new Meter("test-bridge-" + Guid.NewGuid());
        using var recorded = new RecordedMeasurements(meter);
        var bridge = new TemporalMetricsBridge(meter);
        var first = bridge.CreateTags(null, [new("a", "1")]);
        _ = bridge.CreateTags(first, [new("b", "2")]);

        bridge.CreateCounter<long>("c", null, null).Add(1, first);

        Assert.Equal(["a"], Assert.Single(recorded.Of("c")).Tags.Keys);
    }
}

/// <summary>Listens to one meter and keeps every measurement (as double) with its tags.</summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = [];
    private readonly Lock gate = new();

    public RecordedMeasurements(Meter meter)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        listener.Start();
    }

    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Of(string instrument)
    {
        lock (gate)
        {
            return [.. measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags))];
        }
    }

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (gate)
        {
            measurements.Add((instrument.Name, value, copy));
        }
    }
}
