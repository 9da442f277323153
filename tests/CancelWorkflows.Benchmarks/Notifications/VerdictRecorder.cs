extern alias service;

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using service::CancelWorkflows.Service.Notifications;

namespace CancelWorkflows.Benchmarks.Notifications;

/// <summary>Listens to the ingress's own counter (<c>cancelworkflows.notifications{verdict}</c>) in this process.</summary>
public sealed class VerdictRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public VerdictRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == NotificationMetrics.CounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == NotificationMetrics.VerdictTag && tag.Value is string verdict)
                {
                    counts.AddOrUpdate(verdict, value, (_, n) => n + value);
                }
            }
        });
        listener.Start();
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(counts, StringComparer.Ordinal);

    public void Dispose() => listener.Dispose();
}
