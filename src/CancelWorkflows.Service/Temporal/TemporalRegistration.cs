using System.Diagnostics.Metrics;
using CancelWorkflows.Service.Configuration;
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

/// <summary>Temporal for this host: one runtime, the client and its health check for every role; the hosted workers for the
/// worker role (cancel-payments; cancel-payments-callbacks for outbound calls).</summary>
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

        // Ready when Temporal answers: enough for the api and the ingress, which only talk to Temporal.
        services.AddHealthChecks().AddCheck<TemporalHealthCheck>("temporal", tags: [ServiceDefaultsExtensions.ReadyTag]);
        if (mode.Runs(ServiceRoles.Worker))
        {
            services.AddCancelWorkflowsWorker();
        }

        return builder;
    }

    /// <summary>
    /// The hosted worker on <c>cancel-payments</c>: every workflow and activity, its tuning (<c>Temporal:Worker:*</c>), its
    /// graceful stop (<c>Service:ShutdownGrace</c>), and its health check (ready only while this process polls).
    /// </summary>
    private static void AddCancelWorkflowsWorker(this IServiceCollection services)
    {
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
            .Configure<IOptions<WorkerTuningOptions>, IOptions<ServiceOptions>>((worker, tuning, service) =>
            {
                tuning.Value.ApplyTo(worker);

                // On SIGTERM the worker stops polling at once, then lets running activities finish for this long: an
                // Antom call in flight completes and its answer is recorded, instead of being cancelled into "no answer".
                worker.GracefulShutdownTimeout = service.Value.ShutdownGrace;
            });

        // Outbound calls to endpoints outside our control (callers' callbacks, the support webhook) on a worker of their
        // own with its own slots, so a slow or hostile endpoint cannot take the slots the Antom calls need. The main worker
        // keeps both activities for runs that scheduled them on cancel-payments before CancelPatches.OutboundCallsOnCallbackQueue.
        services.AddHostedTemporalWorker(TemporalNames.CallbackTaskQueue)
            .AddScopedActivities<CallerActivities>()
            .AddScopedActivities<SupportActivities>()
            .ConfigureOptions()
            .Configure<IOptions<WorkerTuningOptions>, IOptions<ServiceOptions>>((worker, tuning, service) =>
            {
                worker.MaxConcurrentActivities = tuning.Value.MaxConcurrentCallbacks;
                worker.GracefulShutdownTimeout = service.Value.ShutdownGrace;
            });
        services.AddOptions<WorkerTuningOptions>().BindConfiguration(WorkerTuningOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerTuningOptions>, WorkerTuningOptions.Validator>();
        services.AddHealthChecks().AddCheck<WorkerHealthCheck>("worker", tags: [ServiceDefaultsExtensions.ReadyTag]);
    }
}
