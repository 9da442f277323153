using System.Globalization;
using System.Text.Json.Serialization;

namespace CancelWorkflows.Service.Promotions;

/// <summary>
/// A promotion as the API accepted it, normalized (trimmed, defaults applied, the end rounded up to a whole second). Kept
/// in the memo of the schedule's start action, so it is read back exactly as sent (Temporal turns a cron expression into
/// calendars) and every run of the promotion carries it in Temporal Web. Two definitions are "the same content" when
/// they are equal: same end instant (whatever offset wrote it), same cron text, time zone, parallelism and note.
/// </summary>
public sealed record PromotionDefinition
{
    public required string PromoId { get; init; }

    /// <summary>One-off: the promotion's end (the run starts then). Null for a recurring sale.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Recurring sale: a 5-field cron expression (minute hour day-of-month month day-of-week), whitespace normalized.</summary>
    public string? Cron { get; init; }

    /// <summary>IANA time zone: the cron's zone (required with a cron); for a one-off only how the end is shown.</summary>
    public string? TimeZone { get; init; }

    public required int MaxParallel { get; init; }

    public string? Note { get; init; }

    /// <summary>The Antom merchant the holds are cancelled as, by its configured name; null: the default merchant.</summary>
    public string? AntomMerchant { get; init; }

    [JsonIgnore]
    public bool IsOneOff => EndsAt is not null;

    /// <summary>One line per field that differs from <paramref name="existing"/>, e.g. "endsAt: 2026-… (existing 2026-…)".</summary>
    public IReadOnlyList<string> DifferencesFrom(PromotionDefinition existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var differences = new List<string>();
        Compare("endsAt", Text(EndsAt), Text(existing.EndsAt), EndsAt == existing.EndsAt, differences);
        Compare("cron", Cron, existing.Cron, Cron == existing.Cron, differences);
        Compare("timeZone", TimeZone, existing.TimeZone, TimeZone == existing.TimeZone, differences);
        Compare("maxParallel", MaxParallel.ToString(CultureInfo.InvariantCulture), existing.MaxParallel.ToString(CultureInfo.InvariantCulture), MaxParallel == existing.MaxParallel, differences);
        Compare("note", Note, existing.Note, Note == existing.Note, differences);
        Compare("antomMerchant", AntomMerchant, existing.AntomMerchant, AntomMerchant == existing.AntomMerchant, differences);
        return differences;
    }

    private static string? Text(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    private static void Compare(string field, string? sent, string? existing, bool same, List<string> differences)
    {
        if (!same)
        {
            differences.Add($"{field}: {sent ?? "(none)"} (existing: {existing ?? "(none)"})");
        }
    }
}
