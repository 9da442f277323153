using System.Security.Claims;
using CancelWorkflows.Service.Observability;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CancelWorkflows.Service.ServiceDefaults;

/// <summary>
/// What every host of this project gets (after eShop's ServiceDefaults): OpenTelemetry traces, metrics and logs, and the
/// <c>/health</c> and <c>/alive</c> endpoints.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag of checks that say "the process is alive" (<c>/alive</c>); all checks run for <c>/health</c>.</summary>
    public const string LiveTag = "live";

    /// <summary>Tag of checks that say "ready to do work" (Temporal reachable, worker polling).</summary>
    public const string ReadyTag = "ready";

    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Every log line carries the trace and span it was written in (OpenTelemetry's log records do anyway; this puts
        // them in the console's scopes too), so a line leads to its trace.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var management = ManagementPort.Of(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(TelemetryNames.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(TelemetryNames.Meter, TelemetryNames.TemporalMeter);
                if (management is not null)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(TelemetryNames.ActivitySource, TelemetryNames.TemporalActivitySource)
                // Probes hit the health endpoints every few seconds, Prometheus /metrics; their spans would drown the real ones.
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthPath) && !context.Request.Path.StartsWithSegments(AlivePath)
                    && !context.Request.Path.StartsWithSegments(ManagementPort.MetricsPath))
                .AddHttpClientInstrumentation());
        management?.Listen(builder);

        // Export only where a collector is configured; otherwise telemetry stays in process (no exporter, no noise).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check: ready to work) and <c>/alive</c> (only the live checks). Both answer anyone (probes
    /// carry no key) with the status alone; <c>/health</c> adds each check's description for a user
    /// <paramref name="mayReadDetails"/> admits.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, Func<ClaimsPrincipal, bool> mayReadDetails)
    {
        ArgumentNullException.ThrowIfNull(app);
        ManagementPort.MapMetrics(app);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.For(mayReadDetails) });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteStatusOnlyAsync,
        });
        return app;
    }
}
