using System.Globalization;

namespace CancelWorkflows.Service.Promotions;

/// <summary>
/// Checks a 5-field cron expression before Temporal sees it (Temporal checks again and is the final word): minute
/// (0-59), hour (0-23), day of month (1-31), month (1-12 or JAN-DEC), day of week (0-7 or SUN-SAT, 0 and 7 = Sunday).
/// Each field is <c>*</c> or a comma list of <c>n</c>, <c>a-b</c>, each optionally with <c>/step</c>.
/// Macros (<c>@daily</c>), seconds and year fields are refused: "cron" means the 5 fields here.
/// </summary>
public static class CronExpression
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly (string Name, int Min, int Max, string[]? Names, int NameBase)[] Fields =
    [
        ("minute", 0, 59, null, 0),
        ("hour", 0, 23, null, 0),
        ("day of month", 1, 31, null, 0),
        ("month", 1, 12, MonthNames, 1),
        ("day of week", 0, 7, DayNames, 0),
    ];

    /// <summary>The expression with single spaces between its fields.</summary>
    public static string Normalize(string cron) =>
        string.Join(' ', (cron ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Why the expression is not a valid 5-field cron, or null when it is.</summary>
    public static string? Problem(string cron)
    {
        var fields = Normalize(cron).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return $"A cron expression has 5 fields (minute hour day-of-month month day-of-week), e.g. \"0 9 * * MON\"; this one has {fields.Length}.";
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (FieldProblem(fields[i], Fields[i]) is { } problem)
            {
                return $"Field {i + 1} ({Fields[i].Name}) \"{fields[i]}\": {problem}";
            }
        }

        return null;
    }

    private static string? FieldProblem(string field, (string Name, int Min, int Max, string[]? Names, int NameBase) spec)
    {
        foreach (var item in field.Split(','))
        {
            var slash = item.Split('/');
            if (slash.Length > 2)
            {
                return "more than one '/'.";
            }

            if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1))
            {
                return $"the step \"{slash[1]}\" is not a positive whole number.";
            }

            var range = slash[0];
            if (range == "*")
            {
                continue;
            }

            var bounds = range.Split('-');
            if (bounds.Length > 2)
            {
                return $"\"{range}\" is not a value or a range a-b.";
            }

            var values = new int[bounds.Length];
            for (var b = 0; b < bounds.Length; b++)
            {
                if (!TryValue(bounds[b], spec, out values[b]))
                {
                    return $"\"{bounds[b]}\" is out of range for {spec.Name} ({spec.Min}-{spec.Max}{(spec.Names is null ? string.Empty : $" or {spec.Names[0]}-{spec.Names[^1]}")}).";
                }
            }

            if (values.Length == 2 && values[0] > values[1])
            {
                return $"the range {range} runs backwards.";
            }
        }

        return null;
    }

    private static bool TryValue(string text, (string Name, int Min, int Max, string[]? Names, int NameBase) spec, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return value >= spec.Min && value <= spec.Max;
        }

        var index = spec.Names is null ? -1 : Array.FindIndex(spec.Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        value = index + spec.NameBase;
        return index >= 0;
    }
}
