using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Reconciliation;

namespace CancelWorkflows.Workflows.Cancel;

/// <summary>What an escalated cancellation carries into its next run when it continues as new (a case can stay open for
/// months): its whole status (attempts, steps, counters), the notifications seen (so re-sends stay duplicates), the last
/// inquiry, whether its promotion run was told, and where the wait for a resolution stood.</summary>
public sealed record EscalationCarryOver
{
    public CancelStatus Status { get; init; } = new();

    public LateNotificationsState? Notices { get; init; }

    public InquiryResult? LastInquiry { get; init; }

    public bool ReportedToPromotion { get; init; }

    public EscalationWait Wait { get; init; } = new();
}

/// <summary>Where the wait for support's resolution stands: the SLA re-notification keeps its own cadence, the check of
/// Antom backs off (the interval doubles up to <see cref="CancelSettings.EffectiveEscalationMaxPollInterval"/>).</summary>
public sealed class EscalationWait
{
    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset SlaDeadline { get; set; }

    public DateTimeOffset NextPollAt { get; set; }

    public TimeSpan PollInterval { get; set; }
}
