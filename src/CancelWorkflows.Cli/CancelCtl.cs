using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using CancelWorkflows.Cli.Commands;
using CancelWorkflows.Cli.Commands.Promotions;
using CancelWorkflows.Cli.Failures;
using CancelWorkflows.Cli.Hosting;

namespace CancelWorkflows.Cli;

/// <summary>cancelctl: the command tree, parsing (bad usage exits 2 before anything is sent) and invocation.</summary>
public static class CancelCtl
{
    public const string Name = "cancelctl";

    /// <summary>Parses and runs one command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(host);
        var options = new GlobalOptions();
        var root = BuildRoot(host, options);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return WriteUsageErrors(parseResult, host, options);
        }

        var invocation = new InvocationConfiguration
        {
            Output = host.Stdout,
            Error = host.Stderr,
            EnableDefaultExceptionHandler = false,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>The whole command tree. New groups (e.g. <c>promo</c>) are added here, one factory each.</summary>
    public static RootCommand BuildRoot(CliHost host, GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runner = new CommandRunner(host, options);
        var root = new RootCommand("cancelctl: start, follow, list and resolve Antom payment cancellations run by CancelWorkflows.");
        options.AddTo(root);
        root.Add(StartCommand.Create(runner, host.Clock));
        root.Add(StatusCommand.Create(runner));
        root.Add(ListCommand.Create(runner, host.Clock));
        root.Add(WatchCommand.Create(runner));
        root.Add(ResolveCommand.Create(runner));
        root.Add(ReportCommand.Create(runner, host.Clock));
        root.Add(PromoCommand.Create(runner, host.Clock));
        return root;
    }

    private static int WriteUsageErrors(ParseResult parseResult, CliHost host, GlobalOptions options)
    {
        foreach (var error in parseResult.Errors)
        {
            host.Stderr.WriteLine($"{Name}: {error.Message}");
        }

        host.Stderr.WriteLine($"Try '{CommandPath(parseResult)} --help'.");
        if (RequestedJson(parseResult, options))
        {
            var message = string.Join(" ", parseResult.Errors.Select(e => e.Message));
            FailureOutput.WriteJson(host.Stdout, new Failure(ExitCodes.Usage, "usage", message));
        }

        return ExitCodes.Usage;
    }

    /// <summary>Whether --json was given, read from the tokens: a command line with errors may not bind values.</summary>
    private static bool RequestedJson(ParseResult parseResult, GlobalOptions options) =>
        parseResult.Tokens.Any(t => t.Type == TokenType.Option && options.Json.Name == t.Value);

    /// <summary>"cancelctl report reconciliation": the command the errors are about.</summary>
    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (SymbolResult? result = parseResult.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Add(command.Parent is null ? Name : command.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
