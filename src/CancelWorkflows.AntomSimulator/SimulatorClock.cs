namespace CancelWorkflows.AntomSimulator;

/// <summary>
/// The simulator's business clock (<c>PUT /sim/v1/clock</c> fixes it, <c>DELETE</c> returns to real time). It decides
/// payment expiry, cancel windows, <c>cancelTime</c> and call-log times. Transport times (<c>response-time</c>,
/// notification <c>request-time</c>) and notification retry delays always use real time: a receiver checks freshness
/// against its own clock, and a fixed clock never advances.
/// </summary>
public sealed class SimulatorClock : TimeProvider
{
    private readonly TimeProvider real;
    private volatile Box? fixedNow;

    public SimulatorClock()
        : this(System)
    {
    }

    public SimulatorClock(TimeProvider real)
    {
        ArgumentNullException.ThrowIfNull(real);
        this.real = real;
    }

    /// <summary>True while the clock is fixed.</summary>
    public bool IsFixed => fixedNow is not null;

    public override DateTimeOffset GetUtcNow() => fixedNow?.Now ?? real.GetUtcNow();

    /// <summary>Fixes the clock at <paramref name="now"/>.</summary>
    public void Set(DateTimeOffset now) => fixedNow = new Box(now.ToUniversalTime());

    /// <summary>Back to real time.</summary>
    public void Reset() => fixedNow = null;

    private sealed record Box(DateTimeOffset Now);
}
