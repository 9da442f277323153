using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Cli.Tests.EndToEnd;

/// <summary>cancelctl as a process where no service is needed: its exit codes and messages as a shell sees them.</summary>
public sealed class CancelCtlProcessTests : IDisposable
{
    private readonly TempFolder folder = new("cw-cli-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ServiceNotRunning_ExitsOne_WithOneClearLine()
    {
        var port = FreePorts.Take(1)[0];

        var run = await CancelCtlProcess.RunAsync(
            folder.Path,
            ["status", "pr-1"],
            new Dictionary<string, string?> { [GlobalOptions.UrlVariable] = $"http://127.0.0.1:{port}", [GlobalOptions.ApiKeyVariable] = "k" });

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(
            $"cancelctl: cannot reach CancelWorkflows at http://127.0.0.1:{port}: connection refused — is it running? (dotnet run --project src/CancelWorkflows.Service)",
            run.Stderr.Trim());
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task BadUsage_ExitsTwo()
    {
        var run = await CancelCtlProcess.RunAsync(folder.Path, ["start", "--wait", "30", "--json"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("start needs --payment-request-id or --payment-id", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("usage", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Help_ExitsZero()
    {
        var run = await CancelCtlProcess.RunAsync(folder.Path, ["--help"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("cancelctl", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("watch <paymentRequestId>", run.Stdout, StringComparison.Ordinal);
    }
}
