using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Cli.Tests.Commands;

/// <summary>When the service, or Temporal behind it, cannot help: exit 1 and one clear line, never a stack trace.</summary>
public sealed class FailureMessageTests
{
    private readonly FakeApi api = new();

    [Fact]
    public async Task NothingListening_ExitsOne_SaysConnectionRefused_AndHowToStartIt()
    {
        var port = FreePorts.Take(1)[0];

        var run = await new InProcessCli().RunAsync("status", "pr-1", "--url", $"http://127.0.0.1:{port}");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(
            $"cancelctl: cannot reach CancelWorkflows at http://127.0.0.1:{port}: connection refused — is it running? (dotnet run --project src/CancelWorkflows.Service)",
            run.Stderr.Trim());
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task NothingListening_WithJson_ErrorDocumentSaysUnreachable()
    {
        var port = FreePorts.Take(1)[0];

        var run = await new InProcessCli().WithVariable(GlobalOptions.UrlVariable, $"http://127.0.0.1:{port}").RunAsync("list", "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var error = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("error");
        Assert.Equal("unreachable", error.GetProperty("kind").GetString());
        Assert.Equal(1, error.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task TemporalDown_ServiceAnswers503_ExitsOne_SaysTemporal()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.ServiceUnavailable,
            FakeApi.Problem(503, "Temporal did not answer", "Connection refused (127.0.0.1:7233)"));

        var run = await new InProcessCli(api).RunAsync("status", "pr-1");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(
            "cancelctl: CancelWorkflows at http://127.0.0.1:5080 cannot reach Temporal (503 Temporal did not answer: Connection refused (127.0.0.1:7233)) — is the Temporal server running?",
            run.Stderr.Trim());
    }

    [Fact]
    public async Task RateLimited_ExitsOne_SaysNothingWasDone()
    {
        api.On(HttpMethod.Get, "/v1/cancellations", HttpStatusCode.TooManyRequests, FakeApi.Problem(429, "Too many requests from this API key"));

        var run = await new InProcessCli(api).RunAsync("list", "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("cancelctl: CancelWorkflows at http://127.0.0.1:5080 is rate limiting this API key (429, nothing was done)", run.Stderr.Trim());
        Assert.Equal("rateLimited", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task WrongApiKey_ExitsOne_SaysWhereTheKeyCameFrom()
    {
        api.On(HttpMethod.Get, "/v1/cancellations", HttpStatusCode.Unauthorized, FakeApi.Problem(401, "API key missing or not known"));

        var run = await new InProcessCli(api).RunAsync("list", "--api-key", "wrong");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith("cancelctl: the service refused the API key from --api-key (401): pass --api-key or set $CANCELWORKFLOWS_API_KEY", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceHangs_ExitsOne_AfterTheTimeout_SayingSo()
    {
        api.Hang(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"));

        var run = await new InProcessCli(api).RunAsync("status", "pr-1", "--timeout", "300ms");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("cancelctl: CancelWorkflows at http://127.0.0.1:5080 did not answer within 300ms (is it overloaded? raise --timeout)", run.Stderr.Trim());
    }

    [Fact]
    public async Task UnreadableAnswer_ExitsOne_WithoutAStackTrace()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, "<html>a proxy page</html>");

        var run = await new InProcessCli(api).RunAsync("status", "pr-1");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Single(run.Stderr.Trim().Split(Environment.NewLine));
        Assert.Contains("cannot read", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
