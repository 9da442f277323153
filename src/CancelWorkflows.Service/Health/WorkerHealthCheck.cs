using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Workflows;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;
using Temporalio.Extensions.Hosting;

namespace CancelWorkflows.Service.Health;

/// <summary>
/// Ready only while this process's hosted worker is running and Temporal sees it polling <c>cancel-payments</c>
/// (a poller with this process's identity). Another replica's poller does not make this one ready.
/// </summary>
public sealed class WorkerHealthCheck(IEnumerable<IHostedService> hostedServices, ITemporalClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Every hosted worker: the one on cancel-payments and the callback worker.
        var workers = hostedServices.OfType<TemporalWorkerService>().ToList();
        if (workers.Count == 0 || workers.Any(w => w.ExecuteTask is not { IsCompleted: false }))
        {
            return HealthCheckResult.Unhealthy(
                workers.Select(w => w.ExecuteTask?.Exception?.GetBaseException().Message).FirstOrDefault(m => m is not null)
                ?? "The hosted Temporal worker is not running.");
        }

        try
        {
            var queue = await client.WorkflowService.DescribeTaskQueueAsync(
                new DescribeTaskQueueRequest
                {
                    Namespace = client.Options.Namespace,
                    TaskQueue = new TaskQueue { Name = TemporalNames.TaskQueue, Kind = TaskQueueKind.Normal },
                    TaskQueueType = TaskQueueType.Workflow,
                },
                new RpcOptions { Timeout = TimeSpan.FromSeconds(5), CancellationToken = cancellationToken });
            var mine = queue.Pollers.FirstOrDefault(p => p.Identity == TemporalClientSettings.Identity);
            return mine is null
                ? HealthCheckResult.Unhealthy($"The worker is not polling {TemporalNames.TaskQueue} yet.")
                : HealthCheckResult.Healthy($"Polling {TemporalNames.TaskQueue} (last poll {mine.LastAccessTime?.ToDateTimeOffset():O}).");
        }
        catch (Exception e) when (e is Temporalio.Exceptions.RpcException or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Could not ask Temporal about {TemporalNames.TaskQueue}: {e.Message}");
        }
    }
}
