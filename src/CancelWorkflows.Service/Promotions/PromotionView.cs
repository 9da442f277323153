using CancelWorkflows.Workflows.Promotions;

namespace CancelWorkflows.Service.Promotions;

/// <summary>A promotion as <c>GET /v1/promotions/{promoId}</c> shows it: its definition, its schedule's state, and its
/// last run with that run's summary (the <c>Status</c> query while it runs, the workflow result when it finished).</summary>
public sealed record PromotionView
{
    public required string PromoId { get; init; }

    public required string ScheduleId { get; init; }

    /// <summary><c>oneOff</c> (runs once at <see cref="EndsAt"/>) or <c>recurring</c> (cron).</summary>
    public required string Kind { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public string? Cron { get; init; }

    public string? TimeZone { get; init; }

    public int? MaxParallel { get; init; }

    public string? Note { get; init; }

    public required bool Paused { get; init; }

    /// <summary>Why it was paused or resumed (Temporal's schedule note).</summary>
    public string? StateNote { get; init; }

    public required IReadOnlyList<DateTimeOffset> NextActionTimes { get; init; }

    /// <summary>Runs started (by the schedule or by trigger), oldest first (Temporal keeps the last 10).</summary>
    public required IReadOnlyList<PromotionAction> RecentActions { get; init; }

    public required IReadOnlyList<PromotionRunRef> RunningActions { get; init; }

    public required long NumActions { get; init; }

    /// <summary>Fire times skipped because a run was still going (overlap policy Skip).</summary>
    public required long SkippedOverlap { get; init; }

    /// <summary>Fire times dropped because Temporal was back later than the catch-up window.</summary>
    public required long MissedCatchupWindow { get; init; }

    /// <summary>A one-off whose end passed with no run (paused then, or an outage longer than the catch-up window):
    /// its holds were not cancelled; trigger it.</summary>
    public required bool MissedRun { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public PromotionLastRun? LastRun { get; init; }

    public string? TemporalWebUrl { get; init; }
}

/// <summary>One action of the schedule: the run it started.</summary>
public sealed record PromotionAction(DateTimeOffset ScheduledAt, DateTimeOffset StartedAt, string WorkflowId, string FirstRunId);

public sealed record PromotionRunRef(string WorkflowId, string FirstRunId);

/// <summary>The newest run: its workflow, status (Running, Completed, Failed, …) and summary (counts by outcome…).</summary>
public sealed record PromotionLastRun
{
    public required string WorkflowId { get; init; }

    public string? RunId { get; init; }

    public required string Status { get; init; }

    public PromoProgress? Summary { get; init; }

    /// <summary>Why the summary is missing (e.g. the run failed, or no worker answered the query).</summary>
    public string? SummaryUnavailable { get; init; }

    public string? TemporalWebUrl { get; init; }
}

/// <summary>One entry of <c>GET /v1/promotions</c>.</summary>
public sealed record PromotionListItem
{
    public required string PromoId { get; init; }

    public required string ScheduleId { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public string? TimeZone { get; init; }

    public required bool Paused { get; init; }

    public string? StateNote { get; init; }

    public DateTimeOffset? NextActionTime { get; init; }

    public DateTimeOffset? LastActionAt { get; init; }

    public string? LastWorkflowId { get; init; }
}

/// <summary>Body of <c>GET /v1/promotions</c>.</summary>
public sealed record PromotionList(IReadOnlyList<PromotionListItem> Items, bool Truncated);
