namespace CancelWorkflows.Cli.Failures;

/// <summary>The operation failed in a way the command itself decided (nothing found, no outcome in time): exit 1 with the message.</summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException()
        : base("The operation failed.")
    {
    }

    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
