namespace CancelWorkflows.Cli.Hosting;

/// <summary>cancelctl's exit codes (docs/design.md, "cancelctl").</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The operation failed: an API error, nothing found, the service or Temporal unreachable, a wait timed out.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage: unknown command or option, missing or invalid value. Nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl-C or SIGTERM (the shell's convention, 128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
