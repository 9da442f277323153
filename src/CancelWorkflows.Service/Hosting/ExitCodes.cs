namespace CancelWorkflows.Service.Hosting;

/// <summary>Process exit codes, so scripts and supervisors can tell "fix the machine" from "fix the configuration".</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Started, then failed (Temporal unreachable, the worker stopped, an unexpected error).</summary>
    public const int Failure = 1;

    /// <summary>Dev mode cannot start here: a port is in use, or the data folder belongs to another running dev mode.</summary>
    public const int EnvironmentInUse = 2;

    /// <summary>The configuration is invalid; the message names the setting.</summary>
    public const int InvalidConfiguration = 3;
}
