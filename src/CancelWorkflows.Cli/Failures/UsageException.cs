namespace CancelWorkflows.Cli.Failures;

/// <summary>Bad usage found after parsing (a combination of options, a bad environment variable): exit 2, nothing sent.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
        : base("Bad usage.")
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
