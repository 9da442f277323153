using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Output;

namespace CancelWorkflows.Cli.Failures;

/// <summary>Writes a failure: <c>cancelctl: &lt;message&gt;</c> on stderr, and with <c>--json</c> <c>{"error": …}</c> on stdout.</summary>
public static class FailureOutput
{
    public static void Write(CliHost host, Failure failure, bool json)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(failure);
        host.Stderr.WriteLine($"cancelctl: {failure.Message}");
        if (json)
        {
            WriteJson(host.Stdout, failure);
        }
    }

    /// <summary>The failure as the command's one JSON document: <c>{"error": {exitCode, kind, message, httpStatus, problem}}</c>.</summary>
    public static void WriteJson(TextWriter stdout, Failure failure) => JsonOutput.Write(stdout, new { error = failure });
}
