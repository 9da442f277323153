using System.Globalization;

namespace CancelWorkflows.AntomSimulator;

/// <summary>Antom's datetime form: ISO 8601 with the UTC+8 offset, e.g. <c>2019-11-27T12:01:01+08:00</c> (docs/antom-api.md §1).</summary>
internal static class AntomTime
{
    public static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset t) =>
        t.ToOffset(Utc8).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? t) => t is { } v ? Format(v) : null;

    /// <summary>Millisecond form for <c>response-time</c>.</summary>
    public static string FormatPrecise(DateTimeOffset t) =>
        t.ToOffset(Utc8).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
