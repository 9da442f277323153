using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.Extensions.Options;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Client.Schedules;
using Temporalio.Common;

namespace CancelWorkflows.Service.Promotions;

/// <summary>
/// The Temporal Schedule of a promotion, <c>promo-expiry-&lt;promoId&gt;</c>.
/// <list type="bullet">
/// <item>One-off: a calendar for exactly the end instant (year, month, day, hour, minute, second) in UTC. It matches
/// once in all time, so the schedule runs once (checked on Server 1.32: afterwards it has no next action time), and UTC
/// has no daylight-saving gaps or repeats that could move or double it. The schedule stays, so its recent actions and
/// the last run's summary can still be read; DELETE removes it.</item>
/// <item>Recurring: the 5-field cron in the promotion's IANA time zone (Temporal turns it into calendars).</item>
/// <item>Overlap <see cref="ScheduleOverlapPolicy.Skip"/>: two runs of one promotion never overlap, and a missed run
/// happens once (see <see cref="Policy"/>).</item>
/// <item>The action starts <c>PromoExpiryWorkflow</c> with id <c>promo-expiry-&lt;promoId&gt;</c> (Temporal appends the
/// scheduled time) on <c>cancel-payments</c>, the promotion's definition in its memo and search attribute PromoId.</item>
/// </list>
/// </summary>
public sealed class PromotionScheduleFactory(IOptions<PromotionOptions> options, CancelSettingsFactory settings)
{
    /// <summary>Memo key of the start action that holds the <see cref="PromotionDefinition"/>.</summary>
    public const string DefinitionMemoKey = "promotion";

    public Schedule Create(PromotionDefinition definition, ScheduleState? state = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new Schedule(Action(definition), Spec(definition))
        {
            Policy = Policy(options.Value.CatchupWindow),
            State = state ?? new ScheduleState(),
        };
    }

    /// <summary>
    /// Skip, on purpose. Every run lists the holds still unpaid and starts <c>cancel-&lt;paymentRequestId&gt;</c> for each,
    /// an id that can run only once, so a second run at the same time could only find holds the first is already handling:
    /// skipping it loses nothing for a promotion that has ended (no new holds come). BufferOne would add a run after the
    /// current one, which finds every hold already handled, and after an outage with several missed cron times it would
    /// run twice where Skip runs once. For a recurring sale whose run outlasts its period the skipped fire is counted
    /// (GET: <c>skippedOverlap</c>) and its holds are taken by the next fire.
    /// Catch-up window: <c>Promotions:CatchupWindow</c> (default 1 day): a run missed by an outage shorter than that
    /// starts once when Temporal is back (checked on Server 1.32 by stopping the dev server across a one-off's end).
    /// </summary>
    public static SchedulePolicy Policy(TimeSpan catchupWindow) => new()
    {
        Overlap = ScheduleOverlapPolicy.Skip,
        CatchupWindow = catchupWindow,
    };

    public static ScheduleSpec Spec(PromotionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.EndsAt is { } end)
        {
            var utc = end.UtcDateTime;
            return new ScheduleSpec
            {
                Calendars =
                [
                    new ScheduleCalendarSpec
                    {
                        Year = [new(utc.Year)],
                        Month = [new(utc.Month)],
                        DayOfMonth = [new(utc.Day)],
                        Hour = [new(utc.Hour)],
                        Minute = [new(utc.Minute)],
                        Second = [new(utc.Second)],
                        Comment = $"one-off: promotion {definition.PromoId} ends {end:O}",
                    },
                ],
                TimeZoneName = "UTC",
            };
        }

        return new ScheduleSpec { CronExpressions = [definition.Cron!], TimeZoneName = definition.TimeZone };
    }

    /// <summary>The end instant of a one-off spec made by <see cref="Spec"/>; null for anything else.</summary>
    public static DateTimeOffset? OneOffEnd(ScheduleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Calendars.Count != 1 || spec.CronExpressions.Count > 0 || spec.Intervals.Count > 0 || spec.TimeZoneName is not ("UTC" or null or ""))
        {
            return null;
        }

        var calendar = spec.Calendars.First();
        int? Single(IReadOnlyCollection<ScheduleRange> ranges) =>
            ranges.Count == 1 && ranges.First() is { } r && r.End <= r.Start ? r.Start : null;
        if (Single(calendar.Year) is not { } year || Single(calendar.Month) is not { } month || Single(calendar.DayOfMonth) is not { } day
            || Single(calendar.Hour) is not { } hour || Single(calendar.Minute) is not { } minute || Single(calendar.Second) is not { } second)
        {
            return null;
        }

        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private ScheduleActionStartWorkflow Action(PromotionDefinition definition)
    {
        var request = new PromoExpiryRequest
        {
            PromoId = definition.PromoId,
            MaxParallel = definition.MaxParallel,
            AntomMerchant = definition.AntomMerchant,
            ContinueAsNewEvery = options.Value.ContinueAsNewEvery,
            Settings = settings.Create(),
        };
        return ScheduleActionStartWorkflow.Create(
            (PromoExpiryWorkflow wf) => wf.RunAsync(request),
            new WorkflowOptions(TemporalNames.PromoSchedule(definition.PromoId), TemporalNames.TaskQueue)
            {
                Memo = new Dictionary<string, object> { [DefinitionMemoKey] = definition },
                StaticSummary = $"Cancel the unpaid holds of promotion {definition.PromoId}",
                TypedSearchAttributes = new SearchAttributeCollection.Builder()
                    .Set(CancelSearchAttributes.PromoId, definition.PromoId)
                    .ToSearchAttributeCollection(),
            });
    }
}
