namespace CancelWorkflows.Domain;

/// <summary>A configured cancel window Antom would not honour: zero, negative, or wider than Antom's own.</summary>
public sealed class CancelWindowsException : Exception
{
    public CancelWindowsException()
    {
    }

    public CancelWindowsException(string message)
        : base(message)
    {
    }

    public CancelWindowsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CancelWindowsException(string setting, TimeSpan configured, TimeSpan antom, string message)
        : base(message)
    {
        Setting = setting;
        Configured = configured;
        Antom = antom;
    }

    /// <summary>The configuration key, e.g. <c>Cancel:Windows:CardWindow</c>.</summary>
    public string? Setting { get; }

    /// <summary>The value that was refused.</summary>
    public TimeSpan? Configured { get; }

    /// <summary>The widest allowed for the same setting: Antom's window, or for a merchant's contract the deployment's.</summary>
    public TimeSpan? Antom { get; }
}
