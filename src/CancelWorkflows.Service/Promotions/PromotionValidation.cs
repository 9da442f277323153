using System.Globalization;
using System.Text.RegularExpressions;

namespace CancelWorkflows.Service.Promotions;

/// <summary>What the promotions API refuses before any schedule is touched; every reason names its field.</summary>
public static partial class PromotionValidation
{
    public const int MaxPromoIdLength = 48;

    public const int MaxNoteLength = 256;

    /// <summary>A one-off must end at least this far in the future: a schedule made for a time already past never runs.</summary>
    public static readonly TimeSpan MinimumLead = TimeSpan.FromSeconds(5);

    /// <summary>A one-off further ahead than this is refused as a likely typo (e.g. year 2206).</summary>
    public static readonly TimeSpan MaximumLead = TimeSpan.FromDays(5 * 366);

    /// <summary>Why <paramref name="promoId"/> is not a valid promotion id, or null.</summary>
    public static string? PromoIdProblem(string? promoId) =>
        promoId is null ? "Required."
        : promoId.Length > MaxPromoIdLength ? $"At most {MaxPromoIdLength} characters (it names the schedule and, with a suffix, demo holds)."
        : !PromoIdPattern().IsMatch(promoId) ? "Only letters, digits, '.', '_' and '-', starting with a letter or digit."
        : null;

    /// <summary>
    /// The normalized definition, or the field errors. <paramref name="pathPromoId"/> (PUT) is the id from the URL; a body
    /// id, if any, must equal it. Whether a one-off ends in the future is checked separately (<see cref="EndProblem"/>),
    /// because sending again what already exists is fine even after the end.
    /// </summary>
    public static (PromotionDefinition? Definition, Dictionary<string, string[]> Errors) Validate(
        PromotionBody body, string? pathPromoId, PromotionOptions options)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var promoId = pathPromoId ?? body.PromoId;
        if (pathPromoId is not null && body.PromoId is not null && body.PromoId != pathPromoId)
        {
            errors["promoId"] = [$"The body says '{body.PromoId}' but the URL says '{pathPromoId}'; leave it out or make them equal."];
        }
        else if (PromoIdProblem(promoId) is { } idProblem)
        {
            errors["promoId"] = [idProblem];
        }

        DateTimeOffset? endsAt = null;
        if (body.EndsAt is not null && body.Cron is not null)
        {
            errors["endsAt"] = ["Give either endsAt (one-off) or cron (recurring), not both."];
        }
        else if (body.EndsAt is null && body.Cron is null)
        {
            errors["endsAt"] = ["Required: endsAt (ISO-8601 with offset, one-off) or cron + timeZone (recurring)."];
        }
        else if (body.EndsAt is not null)
        {
            endsAt = ParseEnd(body.EndsAt);
            if (endsAt is null)
            {
                errors["endsAt"] = ["Must be an ISO-8601 date and time with an offset, e.g. 2026-12-31T23:59:59Z or 2026-12-31T23:59:59+01:00."];
            }
        }

        string? cron = null;
        if (body.Cron is not null)
        {
            cron = CronExpression.Normalize(body.Cron);
            if (CronExpression.Problem(cron) is { } cronProblem)
            {
                errors["cron"] = [cronProblem];
            }
            else if (body.TimeZone is null)
            {
                errors["timeZone"] = ["Required with cron: the IANA time zone the cron is read in, e.g. Europe/Paris or UTC."];
            }
        }

        string? timeZone = null;
        if (body.TimeZone is not null)
        {
            timeZone = IanaTimeZones.Find(body.TimeZone);
            if (timeZone is null)
            {
                errors["timeZone"] = [$"'{body.TimeZone}' is not a known IANA time zone (e.g. Europe/Paris, America/New_York, UTC)."];
            }
        }

        var maxParallel = body.MaxParallel ?? options.MaxParallel;
        if (maxParallel < 1 || maxParallel > options.MaxParallelLimit)
        {
            errors["maxParallel"] = [$"Must be between 1 and {options.MaxParallelLimit}."];
        }

        if (body.Note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"At most {MaxNoteLength} characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new PromotionDefinition
        {
            PromoId = promoId!,
            EndsAt = endsAt,
            Cron = cron,
            TimeZone = timeZone,
            MaxParallel = maxParallel,
            Note = body.Note,
        }, errors);
    }

    /// <summary>Why a one-off cannot be scheduled now (its end is past, or too close, or absurdly far), or null.</summary>
    public static string? EndProblem(PromotionDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.EndsAt is not { } end)
        {
            return null;
        }

        if (end < now + MinimumLead)
        {
            return $"The promotion's end {end:O} is in the past (or less than {MinimumLead.TotalSeconds} s ahead): a schedule for it would never run. " +
                "To cancel its holds now, create it with a later end and trigger it.";
        }

        return end > now + MaximumLead ? $"The promotion's end {end:O} is more than 5 years ahead; check the year." : null;
    }

    /// <summary>ISO-8601 with an explicit offset (Z or ±hh:mm), rounded up to a whole second; null when not such a text.</summary>
    public static DateTimeOffset? ParseEnd(string text)
    {
        if (!IsoWithOffsetPattern().IsMatch(text ?? string.Empty)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return null;
        }

        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        return fraction == 0 ? value : value.AddTicks(TimeSpan.TicksPerSecond - fraction);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z")]
    private static partial Regex PromoIdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffsetPattern();
}
