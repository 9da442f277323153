using System.Diagnostics.Metrics;
using CancelWorkflows.Service.Observability;

namespace CancelWorkflows.Service.Notifications;

/// <summary><c>cancelworkflows.notifications{verdict}</c> on the <c>CancelWorkflows</c> meter: one count per notification
/// received, whatever became of it (<see cref="NotificationVerdicts"/>).</summary>
public sealed class NotificationMetrics
{
    public const string CounterName = "cancelworkflows.notifications";
    public const string VerdictTag = "verdict";

    private readonly Counter<long> notifications;

    public NotificationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        notifications = meters.Create(TelemetryNames.Meter)
            .CreateCounter<long>(CounterName, "{notification}", "Antom notifications received, by verdict");
    }

    public void Count(string verdict) => notifications.Add(1, new KeyValuePair<string, object?>(VerdictTag, verdict));
}
