using System.CommandLine;
using CancelWorkflows.Cli.Failures;
using CancelWorkflows.Cli.Output;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Hosting;

/// <summary>One running command: its parsed values, where it writes, the service it talks to, and its clients.</summary>
public sealed class CommandContext : IDisposable
{
    private readonly List<IDisposable> owned = [];

    public CommandContext(CliHost host, GlobalOptions options, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parseResult);
        Host = host;
        ParseResult = parseResult;
        CancellationToken = cancellationToken;
        Json = parseResult.GetValue(options.Json);
        TimeoutOption = parseResult.GetValue(options.Timeout);
        Connection = ServiceConnection.Resolve(parseResult.GetValue(options.Url), parseResult.GetValue(options.ApiKey), host);
        Progress = new ProgressReporter(host.Stderr, host.StderrIsTerminal);
    }

    public CliHost Host { get; }

    public ParseResult ParseResult { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary><c>--json</c>: one JSON document on stdout, nothing else there.</summary>
    public bool Json { get; }

    /// <summary><c>--timeout</c> as given (each command decides what it bounds).</summary>
    public TimeSpan? TimeoutOption { get; }

    /// <summary>How long one call to the service may take: <c>--timeout</c>, else 30 s.</summary>
    public TimeSpan RequestTimeout => TimeoutOption ?? GlobalOptions.DefaultTimeout;

    public ServiceConnection Connection { get; }

    public TextWriter Out => Host.Stdout;

    public TextWriter Error => Host.Stderr;

    public ProgressReporter Progress { get; }

    public T Value<T>(Option<T> option) => ParseResult.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;

    /// <summary>A client of the service whose calls each get <paramref name="requestTimeout"/> (default <see cref="RequestTimeout"/>).</summary>
    public CancelWorkflowsClient CreateClient(TimeSpan? requestTimeout = null)
    {
        var apiKey = Connection.ApiKey ?? throw new UsageException(
            $"no API key: pass --api-key or set ${GlobalOptions.ApiKeyVariable} (dev mode writes {ServiceConnection.DevApiKeyPath} in its working directory).");
        var handler = Host.HttpHandlerFactory?.Invoke() ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = requestTimeout ?? RequestTimeout };
        owned.Add(http);
        var client = new CancelWorkflowsClient(http, new CancelWorkflowsClientOptions
        {
            BaseAddress = Connection.Url,
            ApiKey = apiKey,
            PollInterval = Host.WatchPollInterval,
        });
        owned.Add(client);
        return client;
    }

    /// <summary>Writes <paramref name="document"/> as the command's one JSON document.</summary>
    public void WriteJson<T>(T document) => JsonOutput.Write(Out, document);

    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }

        owned.Clear();
    }
}
