namespace CancelWorkflows.Cli.Hosting;

/// <summary>
/// What a run of cancelctl talks to outside itself: its output streams, the environment, the working directory and
/// the HTTP stack. The real process uses <see cref="FromProcess"/>; tests pass writers, variables and a fake handler.
/// </summary>
public sealed class CliHost
{
    public required TextWriter Stdout { get; init; }

    public required TextWriter Stderr { get; init; }

    /// <summary>True when stderr is a terminal: progress then rewrites one line instead of printing one per update.</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>Environment variables (null when unset).</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    /// <summary>Where <c>.cancelworkflows/keys/dev-api-key</c> is looked for.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The HTTP stack under the client; null: a fresh <see cref="SocketsHttpHandler"/>.</summary>
    public Func<HttpMessageHandler>? HttpHandlerFactory { get; init; }

    /// <summary>How often <c>watch</c> reads the status.</summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static CliHost FromProcess() => new()
    {
        Stdout = Console.Out,
        Stderr = Console.Error,
        StderrIsTerminal = !Console.IsErrorRedirected,
        Environment = System.Environment.GetEnvironmentVariable,
        WorkingDirectory = Directory.GetCurrentDirectory(),
    };
}
