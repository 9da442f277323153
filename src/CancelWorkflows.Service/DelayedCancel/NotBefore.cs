namespace CancelWorkflows.Service.DelayedCancel;

/// <summary>
/// <c>notBefore</c> of <c>POST /v1/cancellations</c>: a single delayed cancel, for a caller that knows when one hold
/// expires. The workflow is started now with a start delay (<c>WorkflowOptions.StartDelay</c> = notBefore − now), so it
/// exists at once (same id, same idempotency) and runs at that time. A time already passed starts it now: the caller is
/// late, and refusing would only make it retry. At most <see cref="MaxDelay"/> ahead; a later expiry belongs to a
/// promotion schedule.
/// </summary>
public static class NotBefore
{
    public const string Field = "notBefore";

    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);

    /// <summary>The start delay (null: start now), or why the time is refused. The time's form (ISO-8601 with an offset) is
    /// checked as the body is read (<c>StrictJsonBody</c>).</summary>
    public static (TimeSpan? Delay, string? Problem) Parse(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null)
        {
            return (null, null);
        }

        var delay = at.Value - now;
        if (delay > MaxDelay)
        {
            return (null, $"At most {MaxDelay.TotalDays:0} days ahead ({(now + MaxDelay).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}); for later expiries use a promotion (/v1/promotions).");
        }

        return (delay > TimeSpan.Zero ? delay : null, null);
    }
}
