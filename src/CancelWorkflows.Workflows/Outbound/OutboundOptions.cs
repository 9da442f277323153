namespace CancelWorkflows.Workflows.Outbound;

/// <summary>
/// Configuration section <c>Outbound</c>: the limits of every call the service makes on someone else's behalf (callers'
/// callback URLs, the support webhook, the holds source). Which addresses each may reach is decided per target
/// (<see cref="OutboundAllowance"/>).
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>Longest a TCP (and TLS) connection may take to open.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest one callback delivery may take, connection included (the support webhook and the holds source
    /// have their own: <c>Support:Timeout</c>, <c>Promotions:Timeout</c>). At most 25 s: the activity's own deadline is 30 s.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much of a callback's or the support webhook's answer is read; the rest is never read.</summary>
    public int MaxResponseBytes { get; set; } = 4096;

    /// <summary>May outbound calls reach this machine (127.0.0.0/8, ::1, <c>localhost</c>)? Dev mode sets it (its demo
    /// holds source and tests' receivers are on loopback); nothing else should.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Longest <see cref="CallbackTimeout"/>: the callback activity's StartToClose is 30 s.</summary>
    public static readonly TimeSpan MaxCallbackTimeout = TimeSpan.FromSeconds(25);
}
