using System.Text.RegularExpressions;
using CancelWorkflows.Contracts;

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
        string.IsNullOrEmpty(promoId) ? "Required."
        : char.IsWhiteSpace(promoId[0]) || char.IsWhiteSpace(promoId[^1])
            ? "No spaces or line breaks around it: the id names the schedule exactly as sent."
        : promoId.Length > MaxPromoIdLength ? $"At most {MaxPromoIdLength} characters (it names the schedule and, with a suffix, demo holds)."
        : !PromoIdPattern().IsMatch(promoId) ? "Only letters, digits, '.', '_' and '-', starting with a letter or digit."
        : null;

    /// <summary>
    /// The normalized definition, or the field errors. <paramref name="pathPromoId"/> (PUT) is the id from the URL; a body
    /// id, if any, must equal it. Whether a one-off ends in the future is checked separately (<see cref="EndProblem"/>),
    /// because sending again what already exists is fine even after the end.
    /// </summary>
    public static (PromotionDefinition? Definition, Dictionary<string, string[]> Errors) Validate(
        PromotionRequest request, string? pathPromoId, PromotionOptions options) =>
        Validate(request, pathPromoId, options, DateTimeOffset.UtcNow);

    /// <summary>As above, with the time a cron's next run is looked for from.</summary>
    public static (PromotionDefinition? Definition, Dictionary<string, string[]> Errors) Validate(
        PromotionRequest request, string? pathPromoId, PromotionOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        // The id is taken exactly as sent (a trimmed " summer" would silently name another schedule); the other texts
        // are read leniently.
        var body = request with
        {
            Cron = Trimmed(request.Cron),
            TimeZone = Trimmed(request.TimeZone),
            Note = Trimmed(request.Note),
            AntomMerchant = Trimmed(request.AntomMerchant),
        };
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        // Sent but blank (spaces of any kind): not read as "absent", which would turn a recurring promotion sent with a
        // broken cron into a one-off, or accept a body that gives both endsAt and cron.
        foreach (var (field, value) in new[] { ("cron", request.Cron), ("timeZone", request.TimeZone) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"Empty: leave {field} out or give a value."];
            }
        }

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
        else if (body.EndsAt is { } end)
        {
            endsAt = RoundUp(end);
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

        string? cron = null;
        if (body.Cron is not null)
        {
            cron = PromotionCron.Normalize(body.Cron);
            var zone = timeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            if (PromotionCron.Problem(cron, zone, now) is { } cronProblem)
            {
                errors["cron"] = [cronProblem];
            }
            else if (body.TimeZone is null)
            {
                errors["timeZone"] = ["Required with cron: the IANA time zone the cron is read in, e.g. Europe/Paris or UTC."];
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
            AntomMerchant = body.AntomMerchant,
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

    /// <summary>The end rounded up to a whole second (a schedule's calendar has no fractions; never earlier than asked).</summary>
    public static DateTimeOffset RoundUp(DateTimeOffset value)
    {
        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        return fraction == 0 ? value : value.AddTicks(TimeSpan.TicksPerSecond - fraction);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z")]
    private static partial Regex PromoIdPattern();
}
