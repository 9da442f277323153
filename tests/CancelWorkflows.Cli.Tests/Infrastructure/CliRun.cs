namespace CancelWorkflows.Cli.Tests.Infrastructure;

/// <summary>What one run of cancelctl left behind: its exit code and everything it wrote.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout{Environment.NewLine}{Stdout}--- stderr{Environment.NewLine}{Stderr}";
}
