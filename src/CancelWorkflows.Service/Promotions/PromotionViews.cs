using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.Extensions.Options;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Client.Schedules;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Promotions;

/// <summary>Turns schedule descriptions into the <see cref="Promotion"/> contract, reading the last run's summary
/// (mapped by <see cref="ContractMapping"/>).</summary>
public sealed class PromotionViews(ITemporalClient client, TemporalWebLinks links, IOptions<TemporalOptions> temporal, TimeProvider clock)
{
    /// <summary>A one-off counts as missed this long after its end with no run (the scheduler starts within seconds).</summary>
    private static readonly TimeSpan MissedAfter = TimeSpan.FromMinutes(1);

    public async Task<Promotion> ViewAsync(string promoId, ScheduleDescription description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(description);
        var definition = await PromotionScheduler.DefinitionOfAsync(description);
        var info = description.Info;
        var spec = description.Schedule.Spec;
        var endsAt = definition?.EndsAt ?? PromotionScheduleFactory.OneOffEnd(spec);
        var recent = info.RecentActions
            .OrderBy(a => a.ScheduledAt)
            .Select(a => a.Action is ScheduleActionExecutionStartWorkflow w
                ? new PromotionAction(ContractMapping.Utc(a.ScheduledAt), ContractMapping.Utc(a.StartedAt), w.WorkflowId, w.FirstExecutionRunId)
                : null)
            .OfType<PromotionAction>()
            .ToList();
        var running = info.RunningActions.OfType<ScheduleActionExecutionStartWorkflow>()
            .Select(w => new PromotionRunRef(w.WorkflowId, w.FirstExecutionRunId))
            .ToList();
        var lastWorkflowId = running.LastOrDefault()?.WorkflowId ?? recent.LastOrDefault()?.WorkflowId;
        return new Promotion
        {
            PromoId = promoId,
            ScheduleId = description.Id,
            Kind = endsAt is null ? "recurring" : "oneOff",
            EndsAt = endsAt,
            Cron = definition?.Cron,
            TimeZone = definition?.TimeZone ?? spec.TimeZoneName,
            MaxParallel = definition?.MaxParallel,
            Note = definition?.Note,
            AntomMerchant = definition?.AntomMerchant,
            Paused = description.Schedule.State.Paused,
            StateNote = string.IsNullOrEmpty(description.Schedule.State.Note) ? null : description.Schedule.State.Note,
            NextActionTimes = [.. info.NextActionTimes.Select(ContractMapping.Utc)],
            RecentActions = recent,
            RunningActions = running,
            NumActions = info.NumActions,
            SkippedOverlap = info.NumActionsSkippedOverlap,
            MissedCatchupWindow = info.NumActionsMissedCatchupWindow,
            MissedRun = endsAt is { } end && end + MissedAfter < clock.GetUtcNow() && info.NumActions == 0 && running.Count == 0,
            CreatedAt = ContractMapping.Utc(info.CreatedAt),
            UpdatedAt = info.LastUpdatedAt is { } updated ? ContractMapping.Utc(updated) : null,
            LastRun = lastWorkflowId is null ? null : await LastRunAsync(lastWorkflowId, cancellationToken),
            TemporalWebUrl = links.BaseUrl is { } web
                ? $"{web}/namespaces/{Uri.EscapeDataString(temporal.Value.Namespace)}/schedules/{Uri.EscapeDataString(description.Id)}"
                : null,
        };
    }

    public static PromotionListItem ListItem(ScheduleListDescription schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var spec = schedule.Schedule?.Spec;
        var endsAt = spec is null ? null : PromotionScheduleFactory.OneOffEnd(spec);
        var last = schedule.Info?.RecentActions.OrderBy(a => a.ScheduledAt).LastOrDefault();
        var next = schedule.Info?.NextActionTimes.FirstOrDefault(t => t != default);
        return new PromotionListItem
        {
            PromoId = schedule.Id[PromotionScheduler.SchedulePrefix.Length..],
            ScheduleId = schedule.Id,
            Kind = endsAt is null ? "recurring" : "oneOff",
            EndsAt = endsAt,
            TimeZone = spec?.TimeZoneName,
            Paused = schedule.Schedule?.State.Paused ?? false,
            StateNote = string.IsNullOrEmpty(schedule.Schedule?.State.Note) ? null : schedule.Schedule.State.Note,
            NextActionTime = next is { } n && n != default ? ContractMapping.Utc(n) : null,
            LastActionAt = last is null ? null : ContractMapping.Utc(last.StartedAt),
            LastWorkflowId = (last?.Action as ScheduleActionExecutionStartWorkflow)?.WorkflowId,
        };
    }

    /// <summary>The newest run of <paramref name="workflowId"/> (continue-as-new keeps the id): Status query while it
    /// runs, result when completed, status alone otherwise.</summary>
    private async Task<PromotionLastRun> LastRunAsync(string workflowId, CancellationToken cancellationToken)
    {
        var rpc = new RpcOptions { CancellationToken = cancellationToken };
        var handle = client.GetWorkflowHandle<PromoExpiryWorkflow, PromoProgress>(workflowId);
        WorkflowExecutionDescription run;
        try
        {
            run = await handle.DescribeAsync(new() { Rpc = rpc });
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return new PromotionLastRun { WorkflowId = workflowId, Status = "NotFound", SummaryUnavailable = "The run is gone (past the namespace's retention)." };
        }

        PromoProgress? progress = null;
        string? unavailable = null;
        try
        {
            progress = run.Status switch
            {
                WorkflowExecutionStatus.Running => await handle.QueryAsync(wf => wf.Status, new() { Rpc = rpc }),
                WorkflowExecutionStatus.Completed => await handle.GetResultAsync(followRuns: false, rpc),
                _ => null,
            };
            unavailable = progress is null ? $"The run ended {run.Status}: see it in Temporal Web." : null;
        }
        catch (Exception e) when (e is RpcException or WorkflowQueryFailedException or WorkflowQueryRejectedException or WorkflowFailedException)
        {
            unavailable = $"The summary could not be read now: {e.Message}";
        }

        return new PromotionLastRun
        {
            WorkflowId = workflowId,
            RunId = run.RunId,
            Status = run.Status.ToString(),
            Summary = progress?.ToContract(),
            SummaryUnavailable = unavailable,
            TemporalWebUrl = links.ForWorkflow(workflowId, run.RunId),
        };
    }

}
