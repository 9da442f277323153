using System.Globalization;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.Extensions.Options;
using Temporalio.Client;

namespace CancelWorkflows.Service.Observability;

/// <summary>
/// Reads, every <see cref="ObservabilityOptions.GaugeInterval"/>, what only Temporal knows for the whole deployment:
/// escalations open and overdue (visibility counts of running cancel workflows whose <c>CancelOutcome</c> is
/// <c>escalated</c>) and whether Temporal answers. An observable gauge over visibility rather than an UpDownCounter fed by
/// the workflows: the count is right after restarts, replays and across replicas (every replica reports the same value;
/// the alert rules take the max), where a counter kept in each process would drift.
/// </summary>
public sealed class OperationalGauges(
    ITemporalClient client,
    IOptions<CancelOptions> cancel,
    IOptions<ObservabilityOptions> options,
    TimeProvider time,
    ILogger<OperationalGauges> logger) : BackgroundService
{
    private Snapshot last = new(0, 0, 0);

    /// <summary>The last values read (zeros before the first read).</summary>
    public Snapshot Read() => Volatile.Read(ref last);

    /// <summary>Reads once, now.</summary>
    public async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        var rpc = new RpcOptions { CancellationToken = cancellationToken, Timeout = TimeSpan.FromSeconds(10) };
        Snapshot snapshot;
        try
        {
            var up = await client.Connection.CheckHealthAsync(options: rpc);
            var escalated = $"WorkflowType = '{TemporalNames.CancelPaymentWorkflow}' AND ExecutionStatus = 'Running' AND {CancelSearchAttributes.CancelOutcome.Name} = '{CancelOutcomes.Escalated}'";
            var open = await client.CountWorkflowsAsync(escalated, new() { Rpc = rpc });
            var since = (time.GetUtcNow() - cancel.Value.EscalationSla).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            var overdue = await client.CountWorkflowsAsync($"{escalated} AND StartTime < '{since}'", new() { Rpc = rpc });
            snapshot = new(open.Count, overdue.Count, up ? 1 : 0);
        }
        catch (Exception e) when (e is Temporalio.Exceptions.RpcException or InvalidOperationException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Temporal did not answer the gauge read ({Problem}); cancelworkflows.temporal.up is 0", e.Message);
            snapshot = Read() with { TemporalUp = 0 };
        }

        Volatile.Write(ref last, snapshot);
        return snapshot;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GaugeInterval, time);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public sealed record Snapshot(long EscalationsOpen, long EscalationsOverdue, int TemporalUp);
}
