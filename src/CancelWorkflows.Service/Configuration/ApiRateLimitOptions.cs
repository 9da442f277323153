namespace CancelWorkflows.Service.Configuration;

/// <summary>
/// <c>Api:RateLimit:*</c>: a token bucket per authenticated caller on <c>/v1/cancellations*</c> and <c>/v1/promotions*</c>
/// (never on Antom's notifications). Unset values take <see cref="DefaultPermitsPerSecond"/>/<see cref="DefaultBurst"/>,
/// or in dev mode the generous <see cref="DevModePermitsPerSecond"/>/<see cref="DevModeBurst"/>.
/// </summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>A booking service starts a cancellation per cancelled booking and polls a few; 20 a second sustained is far
    /// above that, and about what one worker decides (so a faster caller would only queue work).</summary>
    public const double DefaultPermitsPerSecond = 20;

    /// <summary>Room for a batch (a cancelled event's bookings, a report reading statuses) without a 429.</summary>
    public const int DefaultBurst = 100;

    public const double DevModePermitsPerSecond = 1000;

    public const int DevModeBurst = 2000;

    public const double MaxPermitsPerSecond = 100_000;

    public const int MaxBurst = 1_000_000;

    /// <summary>Requests per second a caller may make, sustained (the bucket's refill rate; fractions allowed).</summary>
    public double? PermitsPerSecond { get; set; }

    /// <summary>Requests a caller may make at once after being idle (the bucket's size).</summary>
    public int? Burst { get; set; }

    public (double PermitsPerSecond, int Burst) Effective(bool devMode) => devMode
        ? (PermitsPerSecond ?? DevModePermitsPerSecond, Burst ?? DevModeBurst)
        : (PermitsPerSecond ?? DefaultPermitsPerSecond, Burst ?? DefaultBurst);
}
