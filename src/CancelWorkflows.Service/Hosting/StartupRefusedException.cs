namespace CancelWorkflows.Service.Hosting;

/// <summary>Start-up stops before anything runs, with a message for the person at the terminal and an exit code.</summary>
public sealed class StartupRefusedException : Exception
{
    public StartupRefusedException()
    {
    }

    public StartupRefusedException(string message)
        : this(message, ExitCodes.Failure)
    {
    }

    public StartupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupRefusedException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; } = ExitCodes.Failure;
}
