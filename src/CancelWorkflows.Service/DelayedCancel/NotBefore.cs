using System.Globalization;
using System.Text.RegularExpressions;

namespace CancelWorkflows.Service.DelayedCancel;

/// <summary>
/// <c>notBefore</c> of <c>POST /v1/cancellations</c>: a single delayed cancel, for a caller that knows when one hold
/// expires. The workflow is started now with a start delay (<c>WorkflowOptions.StartDelay</c> = notBefore − now), so it
/// exists at once (same id, same idempotency) and runs at that time. A time already passed starts it now: the caller is
/// late, and refusing would only make it retry. At most <see cref="MaxDelay"/> ahead; a later expiry belongs to a
/// promotion schedule.
/// </summary>
public static partial class NotBefore
{
    public const string Field = "notBefore";

    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);

    /// <summary>The start delay (null: start now), or why the text is refused.</summary>
    public static (TimeSpan? Delay, string? Problem) Parse(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        if (!IsoWithOffset().IsMatch(text.Trim())
            || !DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return (null, "Must be an ISO-8601 date and time with an offset, e.g. 2026-12-31T23:59:59Z or 2026-12-31T23:59:59+01:00.");
        }

        var delay = at - now;
        if (delay > MaxDelay)
        {
            return (null, $"At most {MaxDelay.TotalDays:0} days ahead ({(now + MaxDelay).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}); for later expiries use a promotion (/v1/promotions).");
        }

        return (delay > TimeSpan.Zero ? delay : null, null);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
