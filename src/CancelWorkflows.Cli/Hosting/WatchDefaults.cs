namespace CancelWorkflows.Cli.Hosting;

/// <summary>How long <c>watch</c> follows a cancellation when no <c>--timeout</c> is given.</summary>
public static class WatchDefaults
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
}
