using CancelWorkflows.Cli.Hosting;

namespace CancelWorkflows.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the real command tree in-process with captured stdout/stderr, a chosen environment and working directory, and
/// the HTTP stack replaced by a <see cref="FakeApi"/> (or a real socket when none is given).
/// </summary>
public sealed class InProcessCli
{
    public const string TestApiKey = "test-api-key";

    private readonly Dictionary<string, string?> environment = new() { [GlobalOptions.ApiKeyVariable] = TestApiKey };

    public InProcessCli(FakeApi? api = null)
    {
        Api = api;
    }

    public FakeApi? Api { get; }

    /// <summary>Where the dev key file is looked for; a folder with none unless a test puts one there.</summary>
    public string WorkingDirectory { get; set; } = Path.GetTempPath();

    public InProcessCli WithVariable(string name, string? value)
    {
        environment[name] = value;
        return this;
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Runs until done or until <paramref name="interrupt"/> fires (as Ctrl-C would).</summary>
    public async Task<CliRun> RunAsync(CancellationToken interrupt, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost
        {
            Stdout = stdout,
            Stderr = stderr,
            Environment = name => environment.GetValueOrDefault(name),
            WorkingDirectory = WorkingDirectory,
            HttpHandlerFactory = Api is null ? null : () => new FakeApiHandler(Api),
            WatchPollInterval = TimeSpan.FromMilliseconds(10),
        };
        var exitCode = await CancelCtl.RunAsync(args, host, interrupt);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
