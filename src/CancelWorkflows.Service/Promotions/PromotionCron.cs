using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace CancelWorkflows.Service.Promotions;

/// <summary>
/// A recurring promotion's 5-field cron (minute hour day-of-month month day-of-week), checked with Cronos before Temporal
/// sees it (Temporal checks again and is the final word): a clear reason for a bad expression, and the runs it makes in
/// its IANA time zone (so an expression that never fires, e.g. 30 February, is refused rather than scheduled for
/// nothing). Macros (<c>@daily</c>), seconds and year fields are refused: "cron" means the 5 fields here.
/// </summary>
public static partial class PromotionCron
{
    /// <summary>The expression with single spaces between its fields.</summary>
    public static string Normalize(string cron) =>
        string.Join(' ', (cron ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Why the expression is not a valid 5-field cron that runs in <paramref name="zone"/> after
    /// <paramref name="now"/>, or null when it is.</summary>
    public static string? Problem(string cron, TimeZoneInfo zone, DateTimeOffset now)
    {
        var fields = Normalize(cron).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return $"A cron expression has 5 fields (minute hour day-of-month month day-of-week), e.g. \"0 9 * * MON\"; this one has {fields.Length}.";
        }

        if (Parse(cron, out var problem) is not { } expression)
        {
            return problem;
        }

        if (BackwardsRange(fields) is { } backwards)
        {
            return backwards;
        }

        return expression.GetNextOccurrence(now, zone) is null
            ? "It never runs (no date matches all its fields, e.g. 30 February)."
            : null;
    }

    /// <summary>
    /// The next <paramref name="count"/> runs after <paramref name="from"/> in <paramref name="zone"/>, as Temporal's
    /// schedule runs them at a daylight-saving change: a wall-clock time the clocks skip does not run that day (02:30 on
    /// the spring-forward night in Europe/Paris: no run), a time they repeat runs once, the second time (02:30 after the
    /// clocks went back). Cronos alone would run a skipped time when the clocks jump (03:00) and a repeated one the first
    /// time; here both follow Temporal, so these are the times the promotion really runs (checked against the dev server
    /// in <c>PromotionCronTests</c>).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> NextRuns(string cron, TimeZoneInfo zone, DateTimeOffset from, int count)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var expression = Parse(cron, out var problem) ?? throw new ArgumentException(problem, nameof(cron));
        var runs = new List<DateTimeOffset>(count);
        for (var at = expression.GetNextOccurrence(from, zone); at is { } next && runs.Count < count; at = expression.GetNextOccurrence(next, zone))
        {
            var local = TimeZoneInfo.ConvertTime(next, zone);
            if (!FiresAtItsWallClockTime(expression, local))
            {
                continue;
            }

            runs.Add(zone.IsAmbiguousTime(local) ? new DateTimeOffset(local.DateTime, zone.GetAmbiguousTimeOffsets(local).Min()) : next);
        }

        return runs;
    }

    /// <summary>Whether the expression names this local time itself (true), or Cronos moved a skipped time to it (false).</summary>
    private static bool FiresAtItsWallClockTime(CronExpression expression, DateTimeOffset local)
    {
        var wallClock = new DateTime(local.DateTime.Ticks, DateTimeKind.Utc);
        return expression.GetNextOccurrence(wallClock.AddTicks(-1)) == wallClock;
    }

    /// <summary>Cronos reads a range that runs backwards (<c>5-1</c>) as wrapping around; Temporal refuses it. Said here,
    /// with the field, rather than by Temporal's error after the fact.</summary>
    private static string? BackwardsRange(string[] fields)
    {
        string[] names = ["minute", "hour", "day of month", "month", "day of week"];
        for (var i = 0; i < fields.Length; i++)
        {
            foreach (Match range in Range().Matches(fields[i]))
            {
                if (Value(range.Groups["from"].Value, i) > Value(range.Groups["to"].Value, i))
                {
                    return $"Field {i + 1} ({names[i]}) \"{fields[i]}\": the range {range.Value} runs backwards.";
                }
            }
        }

        return null;
    }

    private static int Value(string text, int field)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        string[] months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
        string[] days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
        return field == 3
            ? Array.FindIndex(months, m => m.Equals(text, StringComparison.OrdinalIgnoreCase)) + 1
            : Array.FindIndex(days, d => d.Equals(text, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"(?<from>\w+)-(?<to>\w+)")]
    private static partial Regex Range();

    private static CronExpression? Parse(string cron, out string? problem)
    {
        try
        {
            problem = null;
            return CronExpression.Parse(Normalize(cron), CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            problem = $"Not a valid cron expression (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-7 or SUN-SAT): {e.Message}";
            return null;
        }
    }
}
