using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Cli.Tests.Commands;

/// <summary>Bad usage exits 2 with the reason on stderr, and nothing is sent to the service.</summary>
public sealed class UsageTests
{
    private readonly FakeApi api = new();

    [Theory]
    [InlineData("")]
    [InlineData("bogus")]
    [InlineData("report")]
    [InlineData("start")]
    [InlineData("start|--payment-request-id|pr-1|--wait|61")]
    [InlineData("start|--payment-request-id|pr-1|--wait|soon")]
    [InlineData("start|--payment-request-id|pr-1|--callback-url|not a url")]
    [InlineData("start|--payment-request-id|pr-1|--callback-url|ftp://example.com/x")]
    [InlineData("start|--payment-request-id|an-id-that-is-far-too-long-for-antom-which-allows-at-most-sixty-four-characters")]
    [InlineData("start|--payment-request-id|pr-1|--reason| ")]
    [InlineData("status")]
    [InlineData("status|pr-1|pr-2")]
    [InlineData("list|--outcome|Maybe")]
    [InlineData("list|--page-size|0")]
    [InlineData("list|--page-size|201")]
    [InlineData("list|--from|last tuesday")]
    [InlineData("list|--from|2025-03-02|--to|2025-03-01")]
    [InlineData("resolve|pr-1|--note|checked")]
    [InlineData("resolve|pr-1|--outcome|Cancelled")]
    [InlineData("watch")]
    [InlineData("watch|pr-1|--timeout|0")]
    [InlineData("watch|pr-1|--timeout|forever")]
    [InlineData("report|reconciliation|--from|2025-03-01")]
    [InlineData("report|reconciliation|--to|2025-03-01")]
    [InlineData("status|pr-1|--url|localhost:5080")]
    [InlineData("status|pr-1|--no-such-option")]
    public async Task BadUsage_ExitsTwo_SendsNothing(string commandLine)
    {
        var run = await new InProcessCli(api).RunAsync(Arguments(commandLine));

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.StartsWith("cancelctl: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task BadUsage_SaysWhatIsWrong()
    {
        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--wait", "61");

        Assert.Contains("--wait: '61' is not a whole number from 0 to 60.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Try 'cancelctl start --help'.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadUsage_OfASubcommand_PointsToItsHelp()
    {
        var run = await new InProcessCli(api).RunAsync("report", "reconciliation", "--from", "2025-03-01");

        Assert.Contains("Try 'cancelctl report reconciliation --help'.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadUsage_WithJson_WritesOneErrorDocument()
    {
        var run = await new InProcessCli(api).RunAsync("list", "--json", "--outcome", "Maybe");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var error = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("error");
        Assert.Equal(2, error.GetProperty("exitCode").GetInt32());
        Assert.Equal("usage", error.GetProperty("kind").GetString());
        Assert.Contains("Maybe", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadUrlInTheEnvironment_ExitsTwo()
    {
        var run = await new InProcessCli(api).WithVariable(GlobalOptions.UrlVariable, "nonsense").RunAsync("status", "pr-1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("CANCELWORKFLOWS_URL", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task NoApiKeyAnywhere_ExitsTwo_SaysWhereKeysComeFrom()
    {
        using var folder = new TempFolder("cw-cli-");
        var cli = new InProcessCli(api) { WorkingDirectory = folder.Path }.WithVariable(GlobalOptions.ApiKeyVariable, null);

        var run = await cli.RunAsync("status", "pr-1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no API key", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--api-key", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(".cancelworkflows/keys/dev-api-key", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("start|--help")]
    [InlineData("report|reconciliation|-h")]
    public async Task Help_ExitsZero_OnStdout(string commandLine)
    {
        var run = await new InProcessCli(api).RunAsync(Arguments(commandLine));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var run = await new InProcessCli(api).RunAsync("--help");

        foreach (var command in new[] { "start", "status", "list", "watch", "resolve", "report" })
        {
            Assert.Contains($"  {command}", run.Stdout, StringComparison.Ordinal);
        }
    }

    /// <summary>Arguments separated by <c>|</c> (so one may contain blanks).</summary>
    private static string[] Arguments(string commandLine) => commandLine.Length == 0 ? [] : commandLine.Split('|');
}
