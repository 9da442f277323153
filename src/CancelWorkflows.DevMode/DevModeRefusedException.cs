namespace CancelWorkflows.DevMode;

/// <summary>Why dev mode cannot start here; the service turns it into its exit code.</summary>
public enum DevModeRefusal
{
    /// <summary>A <c>DevMode:*</c> setting (or <c>TEMPORAL_CLI_PATH</c>) is unusable.</summary>
    InvalidConfiguration,

    /// <summary>A port is in use, or the data folder belongs to another running dev mode.</summary>
    EnvironmentInUse,
}

/// <summary>Dev mode stops before starting anything, with a message for the person at the terminal.</summary>
public sealed class DevModeRefusedException : Exception
{
    public DevModeRefusedException()
    {
    }

    public DevModeRefusedException(string message)
        : base(message)
    {
    }

    public DevModeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DevModeRefusedException(string message, DevModeRefusal refusal)
        : base(message)
    {
        Refusal = refusal;
    }

    public DevModeRefusal Refusal { get; }
}
