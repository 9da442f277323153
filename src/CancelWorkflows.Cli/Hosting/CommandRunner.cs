using System.CommandLine;
using CancelWorkflows.Cli.Failures;

namespace CancelWorkflows.Cli.Hosting;

/// <summary>
/// Runs a command's body and turns its end into an exit code: 0 when it returns, 1 or 2 with one line on stderr when it
/// throws (and with <c>--json</c> an <c>{"error": …}</c> document on stdout), 130 when interrupted.
/// </summary>
public sealed class CommandRunner(CliHost host, GlobalOptions options)
{
    public delegate Task CommandBody(CommandContext context);

    /// <summary>Sets <paramref name="body"/> as <paramref name="command"/>'s action.</summary>
    public void Bind(Command command, CommandBody body)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(body);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, body, cancellationToken));
    }

    public async Task<int> RunAsync(ParseResult parseResult, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(body);
        var json = parseResult.GetValue(options.Json);
        CommandContext? context = null;
        try
        {
            context = new CommandContext(host, options, parseResult, cancellationToken);
            await body(context);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context?.Progress.Finish();
            await host.Stderr.WriteLineAsync("cancelctl: interrupted");
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // Every failure becomes one line and an exit code; a stack trace is never what an operator needs.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context?.Progress.Finish();
            var failure = FailureTranslator.Translate(e, context?.Connection, context?.RequestTimeout ?? GlobalOptions.DefaultTimeout);
            FailureOutput.Write(host, failure, json);
            return failure.ExitCode;
        }
        finally
        {
            context?.Dispose();
        }
    }
}
