using CancelWorkflows.Service.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Hosting;

/// <summary>
/// Once the host has started and every health check passes (Temporal reachable; a worker polling), prints where everything
/// is and the line <c>CancelWorkflows ready</c> that people and scripts wait for.
/// </summary>
public sealed class ReadyAnnouncer(
    ServiceMode mode,
    IHostApplicationLifetime lifetime,
    HealthCheckService health,
    IServer server,
    IOptions<TemporalOptions> temporal,
    IHostEnvironment environment,
    ILogger<ReadyAnnouncer> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan WarnAfter = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        var waited = TimeProvider.System.GetTimestamp();
        var warned = false;
        while (true)
        {
            var report = await health.CheckHealthAsync(stoppingToken);
            if (report.Status == HealthStatus.Healthy)
            {
                break;
            }

            if (!warned && TimeProvider.System.GetElapsedTime(waited) > WarnAfter)
            {
                warned = true;
                logger.LogWarning(
                    "Not ready after {Seconds} s: {Problems}",
                    (int)WarnAfter.TotalSeconds,
                    string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}")));
            }

            await Task.Delay(PollInterval, stoppingToken);
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        await Console.Out.WriteLineAsync(ReadyBanner.Format(mode, addresses, temporal.Value, environment.IsDevelopment()));
        await Console.Out.FlushAsync(stoppingToken);
    }
}
