using System.Globalization;

namespace CancelWorkflows.Domain;

/// <summary>Times in reasons: ISO 8601 with the offset, culture-free, so a reason reads the same on every machine.</summary>
internal static class InvariantTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string FormatUtc8(DateTimeOffset value) => Format(value.ToOffset(CancelDeadlines.Utc8));

    public static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
