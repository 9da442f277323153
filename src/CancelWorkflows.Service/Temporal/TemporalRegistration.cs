using System.Diagnostics.Metrics;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.DevMode;
using CancelWorkflows.Service.Health;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Observability;
using CancelWorkflows.Service.ServiceDefaults;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Reconciliation;
using Microsoft.Extensions.Options;
using Temporalio.Client;
using Temporalio.Extensions.Hosting;
using Temporalio.Runtime;

namespace CancelWorkflows.Service.Temporal;

/// <summary>Temporal for this host: one runtime, the client, dev mode's servers when in dev mode, and the hosted workers
/// (cancel-payments; cancel-payments-callbacks for outbound calls).</summary>
public static class TemporalRegistration
{
    public static IHostApplicationBuilder AddCancelWorkflowsTemporal(this IHostApplicationBuilder builder, ServiceMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(mode);
        var services = builder.Services;
        services.AddOptions<TemporalOptions>().BindConfiguration(TemporalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TemporalOptions>, TemporalOptionsValidator>();

        services.AddSingleton(sp => new TemporalMetricsBridge(sp.GetRequiredService<IMeterFactory>().Create(TelemetryNames.TemporalMeter)));
        services.AddSingleton(sp => TemporalRuntimeFactory.Create(
            sp.GetRequiredService<TemporalMetricsBridge>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Temporalio.Core")));
        services.AddSingleton<TemporalTracingInterceptor>();
        services.AddTemporalClient()
            .Configure<IOptions<TemporalOptions>, TemporalRuntime, TemporalTracingInterceptor>(
                (client, temporal, runtime, tracing) => TemporalClientSettings.Apply(client, temporal.Value, mode, runtime, tracing));

        if (mode.IsDevMode)
        {
            // Before the worker: hosted services start in registration order and stop in reverse.
            services.AddDevModeServers(mode.DevMode);
        }

        // The client interceptor is also a worker interceptor, so the worker (built on this client) uses it too.
        services.AddHostedTemporalWorker(TemporalNames.TaskQueue)
            .AddScopedActivities<AntomActivities>()
            .AddScopedActivities<SupportActivities>()
            .AddScopedActivities<CallerActivities>()
            .AddScopedActivities<HoldsActivities>()
            .AddWorkflow<CancelPaymentWorkflow>()
            .AddWorkflow<RefundReconciliationWorkflow>()
            .AddWorkflow<PromoExpiryWorkflow>()
            .ConfigureOptions()
            .Configure<IOptions<WorkerTuningOptions>>((worker, tuning) => tuning.Value.ApplyTo(worker));
        // Outbound calls to endpoints outside our control (callers' callbacks, the support webhook) on a worker of their
        // own with its own slots, so a slow or hostile endpoint cannot take the slots the Antom calls need. The main worker
        // keeps both activities for runs that scheduled them on cancel-payments before CancelPatches.OutboundCallsOnCallbackQueue.
        services.AddHostedTemporalWorker(TemporalNames.CallbackTaskQueue)
            .AddScopedActivities<CallerActivities>()
            .AddScopedActivities<SupportActivities>()
            .ConfigureOptions()
            .Configure<IOptions<WorkerTuningOptions>>((worker, tuning) => worker.MaxConcurrentActivities = tuning.Value.MaxConcurrentCallbacks);

        services.AddOptions<WorkerTuningOptions>().BindConfiguration(WorkerTuningOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerTuningOptions>, WorkerTuningOptions.Validator>();

        services.AddHealthChecks()
            .AddCheck<TemporalHealthCheck>("temporal", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<WorkerHealthCheck>("worker", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
