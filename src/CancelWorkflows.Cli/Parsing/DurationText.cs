using System.Globalization;

namespace CancelWorkflows.Cli.Parsing;

/// <summary>
/// Durations as operators type them: <c>30</c> (seconds), <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>,
/// or a .NET time span (<c>00:05:00</c>).
/// </summary>
public static class DurationText
{
    public const string Examples = "30, 30s, 500ms, 5m, 2h, 1d or 00:05:00";

    private static readonly (string Suffix, Func<double, TimeSpan> Make)[] Units =
    [
        ("ms", TimeSpan.FromMilliseconds),
        ("s", TimeSpan.FromSeconds),
        ("m", TimeSpan.FromMinutes),
        ("h", TimeSpan.FromHours),
        ("d", TimeSpan.FromDays),
    ];

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration);
        }

        foreach (var (suffix, make) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal) && TryNumber(trimmed[..^suffix.Length], out var amount))
            {
                duration = make(amount);
                return true;
            }
        }

        if (TryNumber(trimmed, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return false;
    }

    /// <summary>The shortest readable form: <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{(int)duration.TotalMilliseconds}ms";
        }

        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add($"{duration.Days}d");
        }

        if (duration.Hours > 0)
        {
            parts.Add($"{duration.Hours}h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add($"{duration.Minutes}m");
        }

        if (duration.Seconds > 0 || parts.Count == 0)
        {
            parts.Add($"{duration.Seconds}s");
        }

        return string.Concat(parts);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
