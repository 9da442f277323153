using System.Text.Json.Serialization;

namespace CancelWorkflows.Contracts;

/// <summary>A promotion as <c>GET /v1/promotions/{promoId}</c> answers: its definition, its schedule's state and its last run.</summary>
public sealed record Promotion
{
    public string PromoId { get; init; } = string.Empty;

    public string ScheduleId { get; init; } = string.Empty;

    /// <summary><c>oneOff</c> or <c>recurring</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    public DateTimeOffset? EndsAt { get; init; }

    public string? Cron { get; init; }

    public string? TimeZone { get; init; }

    public int? MaxParallel { get; init; }

    public string? Note { get; init; }

    /// <summary>The Antom merchant its holds are cancelled as (null: the default merchant).</summary>
    public string? AntomMerchant { get; init; }

    public bool Paused { get; init; }

    /// <summary>Why it was paused or resumed.</summary>
    public string? StateNote { get; init; }

    public IReadOnlyList<DateTimeOffset> NextActionTimes { get; init; } = [];

    public IReadOnlyList<PromotionAction> RecentActions { get; init; } = [];

    public IReadOnlyList<PromotionRunRef> RunningActions { get; init; } = [];

    public long NumActions { get; init; }

    public long SkippedOverlap { get; init; }

    public long MissedCatchupWindow { get; init; }

    /// <summary>A one-off whose end passed with no run: its holds were not cancelled; trigger it.</summary>
    public bool MissedRun { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public PromotionLastRun? LastRun { get; init; }

    public string? TemporalWebUrl { get; init; }

    /// <summary>The HTTP status of the answer that carried it (201 created, 200 existing or updated, 202 triggered): set by
    /// the typed client, never on the wire.</summary>
    [JsonIgnore]
    public int HttpStatus { get; init; }
}

/// <summary>A run the schedule started.</summary>
public sealed record PromotionAction(DateTimeOffset ScheduledAt, DateTimeOffset StartedAt, string WorkflowId, string FirstRunId);

public sealed record PromotionRunRef(string WorkflowId, string FirstRunId);

/// <summary>The newest run and its summary (progress while it runs).</summary>
public sealed record PromotionLastRun
{
    public string WorkflowId { get; init; } = string.Empty;

    public string? RunId { get; init; }

    /// <summary>Running, Completed, Failed, Terminated, …</summary>
    public string Status { get; init; } = string.Empty;

    public PromotionSummary? Summary { get; init; }

    public string? SummaryUnavailable { get; init; }

    public string? TemporalWebUrl { get; init; }
}

/// <summary>How far a run got (the run's <c>Status</c> query while it runs, its result when it finished): pages read,
/// holds listed and started, outcomes, holds whose status could not be read, escalations, late successes; while it runs,
/// what the current workflow run has taken up and carried over. Fields in the order the service writes them.</summary>
public sealed record PromotionSummary
{
    public string? PromoId { get; init; }

    /// <summary>The holds source's token of the next page to read; null before the first and after the last page.</summary>
    public string? PageToken { get; init; }

    public bool LastPageRead { get; init; }

    public int PagesRead { get; init; }

    public int HoldsListed { get; init; }

    public int Started { get; init; }

    /// <summary>Holds whose cancellation already existed (by hand or an earlier run): never cancelled twice.</summary>
    public int AlreadyHandled { get; init; }

    public int InFlight { get; init; }

    /// <summary>Holds the current workflow run (since its last continue-as-new) has taken up.</summary>
    public int StartedThisRun { get; init; }

    /// <summary>Holds the current workflow run took over, not yet started, from the run before it.</summary>
    public int CarriedHolds { get; init; }

    /// <summary>Holds listed and not yet started.</summary>
    public int WaitingHolds { get; init; }

    /// <summary>Finished cancellations by outcome (one of <see cref="CancellationOutcomes"/>).</summary>
    public IReadOnlyDictionary<string, int> ByOutcome { get; init; } = new Dictionary<string, int>();

    /// <summary>Holds the buyer paid before the cancel, or whose payment is pending (paid, result awaited): left alone.</summary>
    public int PaidLeftAlone { get; init; }

    /// <summary>Holds whose payment status could not be read: nothing was cancelled; the next trigger of the promotion
    /// tries them again. Not in <see cref="ByOutcome"/> nor in <see cref="Failed"/>.</summary>
    public int StatusUnreadable { get; init; }

    public int Escalations { get; init; }

    public int LateSuccesses { get; init; }

    public int Failed { get; init; }

    public int Runs { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool Completed { get; init; }

    /// <summary>Holds whose cancellation finished: by outcome, status unreadable, or failed.</summary>
    public int Finished { get; init; }
}

/// <summary>One entry of <c>GET /v1/promotions</c>.</summary>
public sealed record PromotionListItem
{
    public string PromoId { get; init; } = string.Empty;

    public string ScheduleId { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    public DateTimeOffset? EndsAt { get; init; }

    public string? TimeZone { get; init; }

    public bool Paused { get; init; }

    public string? StateNote { get; init; }

    public DateTimeOffset? NextActionTime { get; init; }

    public DateTimeOffset? LastActionAt { get; init; }

    public string? LastWorkflowId { get; init; }
}

/// <summary><c>GET /v1/promotions</c>: the promotions, and whether there were more than the limit.</summary>
public sealed record PromotionList(IReadOnlyList<PromotionListItem> Items, bool Truncated);
