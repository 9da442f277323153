using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Observability;
using Temporalio.Client;
using Temporalio.Runtime;

namespace CancelWorkflows.Service.Temporal;

/// <summary>Maps <c>Temporal:*</c> (or dev mode's server) onto the SDK's connection options.</summary>
public static class TemporalClientSettings
{
    /// <summary>This process's identity towards Temporal; the worker health check looks for its own poller by it.</summary>
    public static string Identity { get; } = $"{Environment.ProcessId}@{Environment.MachineName}";

    public static void Apply(
        TemporalClientConnectOptions client,
        TemporalOptions temporal,
        ServiceMode mode,
        TemporalRuntime runtime,
        TemporalTracingInterceptor tracing)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(temporal);
        ArgumentNullException.ThrowIfNull(mode);
        client.TargetHost = mode.IsDevMode ? mode.DevMode.TemporalAddress : temporal.Address;
        client.Namespace = temporal.Namespace;
        client.ApiKey = string.IsNullOrWhiteSpace(temporal.ApiKey) ? null : temporal.ApiKey;
        client.Tls = mode.IsDevMode ? null : TemporalTlsFiles.ToTlsOptions(temporal);
        client.Identity = Identity;
        client.Runtime = runtime;
        client.Interceptors = [tracing];
    }
}
