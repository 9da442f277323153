using Microsoft.Extensions.Diagnostics.HealthChecks;
using Temporalio.Client;

namespace CancelWorkflows.Service.Health;

/// <summary>Ready only while Temporal's frontend answers its gRPC health check.</summary>
public sealed class TemporalHealthCheck(ITemporalClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var serving = await client.Connection.CheckHealthAsync(
                options: new RpcOptions { Timeout = TimeSpan.FromSeconds(5), CancellationToken = cancellationToken });
            return serving
                ? HealthCheckResult.Healthy($"Temporal at {client.Connection.Options.TargetHost} is serving")
                : HealthCheckResult.Unhealthy($"Temporal at {client.Connection.Options.TargetHost} is not serving");
        }
        catch (Exception e) when (e is Temporalio.Exceptions.RpcException or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Temporal at {client.Connection.Options.TargetHost} is unreachable: {e.Message}");
        }
    }
}
