namespace CancelWorkflows.Domain;

/// <summary>Deadline arithmetic for the windows, on fixed offsets only: the machine's time zone never takes part.</summary>
public static class CancelDeadlines
{
    /// <summary>UTC+8, the clock of W5. A fixed offset: China Standard Time has no daylight saving.</summary>
    public static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);

    /// <summary>
    /// W5: the instant a paid payment stops being cancellable — <paramref name="cutoff"/> after midnight (UTC+8) that starts
    /// day T+1, T being the calendar day of <paramref name="paymentTime"/> in UTC+8. Cancel is allowed strictly before it
    /// (seed: "T+1日00:15前"). The result is expressed at +08:00.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cutoff"/> is negative or a day or more.</exception>
    public static DateTimeOffset NextDayCutoffUtc8(DateTimeOffset paymentTime, TimeSpan cutoff)
    {
        if (cutoff < TimeSpan.Zero || cutoff >= TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "The cutoff is a time of day: at least zero, less than a day.");
        }

        DateTime dayTInUtc8 = paymentTime.ToOffset(Utc8).Date;
        return new DateTimeOffset(dayTInUtc8.AddDays(1), Utc8).Add(cutoff);
    }

    /// <summary>W3/W4: the last instant of a window counted from <paramref name="start"/>; allowed up to and including it.</summary>
    public static DateTimeOffset InclusiveWindowEnd(DateTimeOffset start, TimeSpan window) => start.Add(window);
}
