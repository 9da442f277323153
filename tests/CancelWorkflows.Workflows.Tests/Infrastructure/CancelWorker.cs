using System.Net;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Outbound;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Reconciliation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Temporalio.Client;
using Temporalio.Worker;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>Real workers for <see cref="CancelPaymentWorkflow"/> on a fresh task queue, as the service runs them: one on the
/// queue itself with every workflow and activity, one on its callback queue (<see cref="TemporalNames.CallbackTaskQueueOf"/>)
/// with the outbound activities. The activities are the real ones: the Antom client talks to the simulator over HTTP,
/// escalations go to a webhook (or are logged), callbacks and webhooks go through the outbound policy's handler (loopback
/// allowed: the tests' receivers are on this machine).</summary>
public static class CancelWorker
{
    /// <summary>The outbound settings of the tests' activities: the service's defaults, loopback allowed.</summary>
    public static OutboundOptions Outbound { get; } = new() { AllowLoopback = true };

    /// <param name="configure">Adds to the worker, e.g. a test's own parent workflow.</param>
    /// <param name="configureCallbacks">Adds to the callback queue's worker (e.g. its slots).</param>
    /// <param name="resolve">The outbound handler's name resolver (default: the system's).</param>
    /// <param name="otherMerchants">Antom merchants besides the default one (<paramref name="antom"/>), by name.</param>
    public static CancelWorkers Create(
        ITemporalClient client,
        string taskQueue,
        IAntomClient antom,
        string? supportWebhookUrl = null,
        string? holdsSourceUrl = null,
        Action<TemporalWorkerOptions>? configure = null,
        CancelPolicy? policy = null,
        Action<TemporalWorkerOptions>? configureCallbacks = null,
        OutboundOptions? outbound = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null,
        IEnumerable<AntomMerchant>? otherMerchants = null)
    {
        outbound ??= Outbound;
        var http = resolve is null ? new OutboundHttpClients() : new OutboundHttpClients(resolve);
        var holdsActivities = HoldsActivities(holdsSourceUrl);
        var merchants = new AntomMerchants(new AntomMerchant(AntomMerchants.DefaultName, antom, policy ?? CancelPolicy.Default), otherMerchants);
        var antomActivities = new AntomActivities(merchants, TimeProvider.System, NullLogger<AntomActivities>.Instance);
        var supportActivities = new SupportActivities(
            http,
            Options.Create(new SupportOptions { WebhookUrl = supportWebhookUrl }),
            NullLogger<SupportActivities>.Instance,
            Options.Create(outbound));
        var callerActivities = new CallerActivities(http, NullLogger<CallerActivities>.Instance, outbound: Options.Create(outbound));
        var options = new TemporalWorkerOptions(taskQueue)
            .AddWorkflow<CancelPaymentWorkflow>()
            .AddWorkflow<RefundReconciliationWorkflow>()
            .AddWorkflow<PromoExpiryWorkflow>()
            .AddAllActivities(holdsActivities)
            .AddAllActivities(antomActivities)
            .AddAllActivities(supportActivities)
            .AddAllActivities(callerActivities);
        configure?.Invoke(options);
        var callbackOptions = new TemporalWorkerOptions(TemporalNames.CallbackTaskQueueOf(taskQueue))
            .AddAllActivities(supportActivities)
            .AddAllActivities(callerActivities);
        configureCallbacks?.Invoke(callbackOptions);
        return new CancelWorkers(new TemporalWorker(client, options), new TemporalWorker(client, callbackOptions));
    }

    /// <summary>The real holds activity, reading <see cref="HoldsSource"/> at <paramref name="holdsSourceUrl"/>.</summary>
    public static HoldsActivities HoldsActivities(string? holdsSourceUrl) => new(
        new OutboundHttpClients(),
        Options.Create(new HoldsSourceOptions { HoldsSourceUrl = holdsSourceUrl, HoldsSourceToken = HoldsSource.Token }),
        NullLogger<HoldsActivities>.Instance,
        Options.Create(Outbound));

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

    /// <summary>One client on the outbound policy's handler (public and loopback addresses), whatever the name.</summary>
    private sealed class OutboundHttpClients : IHttpClientFactory
    {
        private static readonly HttpClient Shared = Client(null);
        private readonly HttpClient http;

        public OutboundHttpClients() => http = Shared;

        /// <summary>A client of its own whose names are resolved by <paramref name="resolve"/>.</summary>
        public OutboundHttpClients(Func<string, CancellationToken, Task<IPAddress[]>> resolve) => http = Client(resolve);

        public HttpClient CreateClient(string name) => http;

        private static HttpClient Client(Func<string, CancellationToken, Task<IPAddress[]>>? resolve) => new(OutboundHttp.CreateHandler(
            new OutboundConnector(new OutboundAllowance(Loopback: true, PrivateNetwork: false), resolve), Outbound.ConnectTimeout));
    }
}

/// <summary>The two workers of <see cref="CancelWorker.Create"/>, run together, within <see cref="WorkerRuns.Deadline"/>.</summary>
public sealed class CancelWorkers(TemporalWorker main, TemporalWorker callbacks) : IDisposable
{
    public TemporalWorker Main { get; } = main;

    public TemporalWorker Callbacks { get; } = callbacks;

    public Task ExecuteAsync(Func<Task> run) => Main.ExecuteAsync(() => Callbacks.ExecuteAsync(run)).WithinDeadline();

    public Task<T> ExecuteAsync<T>(Func<Task<T>> run) => Main.ExecuteAsync(() => Callbacks.ExecuteAsync(run)).WithinDeadline();

    public void Dispose()
    {
        Main.Dispose();
        Callbacks.Dispose();
    }
}
