using System.Globalization;

namespace CancelWorkflows.Cli.Output;

/// <summary>Times in tables: UTC, to the second, ISO-like (<c>2025-03-01 12:00:05Z</c>), so they sort and compare at a glance.</summary>
public static class TimeText
{
    public static string? Format(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Times in CSV and machine-facing text: ISO-8601 round-trip, UTC.</summary>
    public static string? Iso(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
