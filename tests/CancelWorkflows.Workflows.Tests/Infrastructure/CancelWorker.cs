using CancelWorkflows.Antom.Client;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Reconciliation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Temporalio.Client;
using Temporalio.Worker;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>A real worker for <see cref="CancelPaymentWorkflow"/> on a fresh task queue, with the real activities:
/// the Antom client talks to the simulator over HTTP, escalations go to a webhook (or are logged).</summary>
public static class CancelWorker
{
    /// <param name="configure">Adds to the worker, e.g. a test's own parent workflow.</param>
    public static TemporalWorker Create(
        ITemporalClient client,
        string taskQueue,
        IAntomClient antom,
        string? supportWebhookUrl = null,
        string? holdsSourceUrl = null,
        Action<TemporalWorkerOptions>? configure = null,
        CancelPolicy? policy = null)
    {
        var holdsActivities = HoldsActivities(holdsSourceUrl);
        var antomActivities = new AntomActivities(antom, policy ?? CancelPolicy.Default, TimeProvider.System, NullLogger<AntomActivities>.Instance);
        var supportActivities = new SupportActivities(
            new OneHttpClientFactory(),
            Options.Create(new SupportOptions { WebhookUrl = supportWebhookUrl }),
            NullLogger<SupportActivities>.Instance);
        var callerActivities = new CallerActivities(new OneHttpClientFactory(), NullLogger<CallerActivities>.Instance);
        var options = new TemporalWorkerOptions(taskQueue)
            .AddWorkflow<CancelPaymentWorkflow>()
            .AddWorkflow<RefundReconciliationWorkflow>()
            .AddWorkflow<PromoExpiryWorkflow>()
            .AddAllActivities(holdsActivities)
            .AddAllActivities(antomActivities)
            .AddAllActivities(supportActivities)
            .AddAllActivities(callerActivities);
        configure?.Invoke(options);
        return new TemporalWorker(client, options);
    }

    /// <summary>The real holds activity, reading <see cref="HoldsSource"/> at <paramref name="holdsSourceUrl"/>.</summary>
    public static HoldsActivities HoldsActivities(string? holdsSourceUrl) => new(
        new OneHttpClientFactory(),
        Options.Create(new HoldsSourceOptions { HoldsSourceUrl = holdsSourceUrl, HoldsSourceToken = HoldsSource.Token }),
        NullLogger<HoldsActivities>.Instance);

    /// <summary>Settings that keep tests fast: short U-retry delays and watch window.</summary>
    public static CancelSettings FastSettings(TimeSpan? watchWindow = null) => new()
    {
        RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200)],
        WatchWindow = watchWindow ?? TimeSpan.FromMilliseconds(500),
        EscalationSla = TimeSpan.FromHours(1),
        EscalationPollInterval = TimeSpan.FromMilliseconds(500),
        ReconciliationSla = TimeSpan.FromMinutes(5),
        ReconciliationPollInterval = TimeSpan.FromMilliseconds(300),
        TemporalWebBaseUrl = "http://127.0.0.1:8233",
    };

    public static WorkflowOptions StartOptions(string workflowId, string taskQueue) => new(workflowId, taskQueue)
    {
        IdConflictPolicy = Temporalio.Api.Enums.V1.WorkflowIdConflictPolicy.UseExisting,
        IdReusePolicy = Temporalio.Api.Enums.V1.WorkflowIdReusePolicy.RejectDuplicate,
    };

    private sealed class OneHttpClientFactory : IHttpClientFactory
    {
        private static readonly HttpClient Shared = new();

        public HttpClient CreateClient(string name) => Shared;
    }
}
