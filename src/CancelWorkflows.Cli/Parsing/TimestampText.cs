using System.Globalization;

namespace CancelWorkflows.Cli.Parsing;

/// <summary>
/// Points in time for <c>--from</c>/<c>--to</c>: ISO-8601 (<c>2025-03-01</c>, <c>2025-03-01T12:00:00Z</c>,
/// <c>2025-03-01T12:00:00+08:00</c>; no offset means UTC), <c>now</c>, <c>now-&lt;duration&gt;</c> (<c>now-7d</c>) or
/// <c>now+&lt;duration&gt;</c> (<c>now+30m</c>, for <c>start --not-before</c>).
/// </summary>
public static class TimestampText
{
    public const string Examples = "2025-03-01, 2025-03-01T12:00:00Z, now, now-7d or now+30m";

    private const string Now = "now";

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (trimmed.StartsWith(Now, StringComparison.OrdinalIgnoreCase))
        {
            var rest = trimmed[Now.Length..];
            if (rest.Length == 0)
            {
                timestamp = now;
                return true;
            }

            if (rest[0] is '-' or '+' && DurationText.TryParse(rest[1..], out var offset))
            {
                timestamp = rest[0] == '-' ? now - offset : now + offset;
                return true;
            }

            return false;
        }

        return DateTimeOffset.TryParse(
            trimmed,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out timestamp);
    }
}
