using CancelWorkflows.Service.Observability;
using Temporalio.Runtime;

namespace CancelWorkflows.Service.Temporal;

/// <summary>
/// The one <see cref="TemporalRuntime"/> of this process (each runtime has its own thread pool; the SDK asks for one per
/// process), with its metrics bridged to OpenTelemetry and, when a logger is given, the SDK core's own logs (poll errors,
/// retries) forwarded to .NET logging instead of written straight to the console. Given to the client and, in dev mode,
/// to the dev server's client.
/// </summary>
public static class TemporalRuntimeFactory
{
    public static TemporalRuntime Create(TemporalMetricsBridge metrics, ILogger? coreLogger = null) => new(new TemporalRuntimeOptions
    {
        Telemetry = new TelemetryOptions
        {
            Logging = coreLogger is null ? new LoggingOptions() : new LoggingOptions { Forwarding = new LogForwardingOptions(coreLogger) },
            Metrics = new MetricsOptions
            {
                CustomMetricMeter = metrics,
                // Seconds as double, as OpenTelemetry's semantic conventions want durations.
                CustomMetricMeterOptions = new() { HistogramDurationFormat = CustomMetricMeterOptions.DurationFormat.FloatSeconds },
            },
        },
    });
}
