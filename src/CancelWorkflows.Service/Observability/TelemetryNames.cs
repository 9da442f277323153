namespace CancelWorkflows.Service.Observability;

/// <summary>The names OpenTelemetry listens to. One place, so the tracer and meter providers cannot miss a source.</summary>
public static class TelemetryNames
{
    /// <summary>Resource <c>service.name</c>.</summary>
    public const string ServiceName = "CancelWorkflows";

    /// <summary>The application's own spans (API, notification ingress).</summary>
    public const string ActivitySource = "CancelWorkflows";

    /// <summary>The application's own metrics (outcomes, U-retries, escalations, notification verdicts).</summary>
    public const string Meter = "CancelWorkflows";

    /// <summary>Spans of the Temporal tracing interceptor (client calls, activity executions).</summary>
    public const string TemporalActivitySource = "CancelWorkflows.Temporal";

    /// <summary>Temporal core metrics and <c>Workflow.MetricMeter</c> counters, bridged from the Temporal runtime.</summary>
    public const string TemporalMeter = "CancelWorkflows.Temporal";
}
