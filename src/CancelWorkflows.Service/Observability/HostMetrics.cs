using System.Diagnostics.Metrics;

namespace CancelWorkflows.Service.Observability;

/// <summary>
/// The metrics the host records itself on the <c>CancelWorkflows</c> meter (the workflows' and activities' are in
/// <see cref="Workflows.CancelMetrics"/>): cancellations started by the API, and the gauges read from Temporal by
/// <see cref="OperationalGauges"/>.
/// </summary>
public sealed class HostMetrics
{
    /// <summary>Counter: cancel workflows this service created (not found existing). Tag <see cref="CallerTag"/>.</summary>
    public const string CancellationsStarted = "cancelworkflows.cancellations.started";

    /// <summary>Gauge: cancellations escalated to support and not resolved (visibility count).</summary>
    public const string EscalationsOpen = "cancelworkflows.escalations.open";

    /// <summary>Gauge: of those, the ones started longer than Cancel:EscalationSla ago.</summary>
    public const string EscalationsOverdue = "cancelworkflows.escalations.overdue";

    /// <summary>Gauge: 1 while Temporal's frontend answers its health check, 0 when it does not.</summary>
    public const string TemporalUp = "cancelworkflows.temporal.up";

    public const string CallerTag = "caller";

    private readonly Counter<long> started;

    public HostMetrics(IMeterFactory meters, OperationalGauges gauges)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(gauges);
        var meter = meters.Create(TelemetryNames.Meter);
        started = meter.CreateCounter<long>(CancellationsStarted, "{cancellation}", "Cancel workflows started by the API");
        meter.CreateObservableGauge(EscalationsOpen, () => gauges.Read().EscalationsOpen, "{escalation}", "Escalated cancellations support has not resolved (Temporal visibility)");
        meter.CreateObservableGauge(EscalationsOverdue, () => gauges.Read().EscalationsOverdue, "{escalation}", "Escalated cancellations started longer than Cancel:EscalationSla ago");
        meter.CreateObservableGauge(TemporalUp, () => gauges.Read().TemporalUp, null, "1 while Temporal answers its health check");
    }

    public void CountStarted(string? caller) => started.Add(1, new KeyValuePair<string, object?>(CallerTag, caller ?? "unknown"));
}
