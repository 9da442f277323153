using System.Globalization;
using CancelWorkflows.Cli.Output;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands.Promotions;

/// <summary>A promotion as text: definition, schedule state, recent runs, and the last run's counts by outcome.</summary>
public static class PromotionView
{
    public static void Write(TextWriter writer, Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(promotion);
        new DetailList()
            .Add("promotion", promotion.PromoId)
            .Add("schedule", promotion.ScheduleId)
            .Add("kind", promotion.Kind)
            .Add("ends at", TimeText.Format(promotion.EndsAt))
            .Add("cron", promotion.Cron is null ? null : $"{promotion.Cron} ({promotion.TimeZone})")
            .Add("max parallel", promotion.MaxParallel?.ToString(CultureInfo.InvariantCulture))
            .Add("note", promotion.Note)
            .Add("paused", promotion.Paused ? $"yes{(promotion.StateNote is null ? string.Empty : $" ({promotion.StateNote})")}" : "no")
            .Add("next runs", promotion.NextActionTimes.Count == 0 ? "none" : string.Join(", ", promotion.NextActionTimes.Take(3).Select(t => TimeText.Format(t))))
            .Add("runs so far", promotion.NumActions.ToString(CultureInfo.InvariantCulture))
            .Add("skipped (overlap)", promotion.SkippedOverlap > 0 ? promotion.SkippedOverlap.ToString(CultureInfo.InvariantCulture) : null)
            .Add("missed", promotion.MissedRun ? "the end passed with no run: its holds were not cancelled; run cancelctl promo trigger " + promotion.PromoId : null)
            .Add("temporal web", promotion.TemporalWebUrl)
            .WriteTo(writer);
        if (promotion.LastRun is not { } run)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"Last run: {run.WorkflowId} ({run.Status})");
        if (run.Summary is { } s)
        {
            new DetailList()
                .Add("pages read", s.PagesRead.ToString(CultureInfo.InvariantCulture))
                .Add("holds listed", s.HoldsListed.ToString(CultureInfo.InvariantCulture))
                .Add("started", s.Started.ToString(CultureInfo.InvariantCulture))
                .Add("already handled", s.AlreadyHandled.ToString(CultureInfo.InvariantCulture))
                .Add("in flight", s.InFlight > 0 ? s.InFlight.ToString(CultureInfo.InvariantCulture) : null)
                .Add("this run", s.Completed ? null : $"run {s.Runs}: {s.StartedThisRun} taken up, {s.CarriedHolds} carried over, {s.WaitingHolds} waiting")
                .Add("by outcome", s.ByOutcome.Count == 0 ? "none yet" : string.Join(", ", s.ByOutcome.Select(kv => $"{kv.Key} {kv.Value}")))
                .Add("paid, left alone", s.PaidLeftAlone.ToString(CultureInfo.InvariantCulture))
                .Add("status unreadable", s.StatusUnreadable > 0
                    ? $"{s.StatusUnreadable} (nothing cancelled; the next trigger tries them again: cancelctl promo trigger {promotion.PromoId})"
                    : "0")
                .Add("escalations", s.Escalations.ToString(CultureInfo.InvariantCulture))
                .Add("late successes", s.LateSuccesses.ToString(CultureInfo.InvariantCulture))
                .Add("failed", s.Failed > 0 ? s.Failed.ToString(CultureInfo.InvariantCulture) : null)
                .Add("finished", s.Completed ? $"yes, {TimeText.Format(s.FinishedAt)}" : "not yet")
                .Add("temporal web", run.TemporalWebUrl)
                .WriteTo(writer);
        }
        else if (run.SummaryUnavailable is { } why)
        {
            writer.WriteLine(why);
        }
    }
}
