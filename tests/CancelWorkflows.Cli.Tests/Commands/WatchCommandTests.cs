using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;

namespace CancelWorkflows.Cli.Tests.Commands;

public sealed class WatchCommandTests
{
    private readonly FakeApi api = new();

    /// <summary>The status moves on with each read: one more step each time, decided at the fourth read.</summary>
    private void StatusThatProgresses(string paymentRequestId, string outcome = CancellationOutcomes.Cancelled)
    {
        var reads = 0;
        api.On(HttpMethod.Get, SampleCancellations.StatusPath(paymentRequestId), _ =>
        {
            var read = Interlocked.Increment(ref reads);
            return (HttpStatusCode.OK, read < 4
                ? SampleCancellations.Status(paymentRequestId, outcome: null, steps: read)
                : SampleCancellations.Status(paymentRequestId, outcome, steps: 5));
        });
    }

    [Fact]
    public async Task Watch_PrintsEachNewStepOnce_ThenTheOutcome_ExitsZero()
    {
        StatusThatProgresses("pr-1");

        var run = await new InProcessCli(api).RunAsync("watch", "pr-1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Watching cancel-pr-1 until its outcome", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                "2025-03-01 12:00:00Z  started: detail of started",
                "2025-03-01 12:00:00Z  eligibility checked: detail of eligibility checked",
                "2025-03-01 12:00:00Z  cancel attempt 1: detail of cancel attempt 1",
                "2025-03-01 12:00:00Z  cancel answered: detail of cancel answered",
                "2025-03-01 12:00:00Z  outcome Cancelled: detail of outcome Cancelled",
                "Outcome: Cancelled (rule A3)",
                "Antom answered S: the payment is cancelled",
            ],
            lines[1..]);
    }

    [Fact]
    public async Task Watch_Json_PutsOnlyTheFinalStatusOnStdout()
    {
        StatusThatProgresses("pr-1");

        var run = await new InProcessCli(api).RunAsync("watch", "pr-1", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("Cancelled", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("outcome").GetString());
        Assert.Contains("  started: detail of started", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_Escalated_StopsThere_AndPointsToResolve()
    {
        StatusThatProgresses("pr-1", CancellationOutcomes.Escalated);

        var run = await new InProcessCli(api).RunAsync("watch", "pr-1");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Outcome: Escalated (rule A3)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("cancelctl resolve pr-1 --outcome", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_NoOutcomeInTime_ExitsOne_SayingSo()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, SampleCancellations.Status("pr-1", outcome: null, steps: 2));

        var run = await new InProcessCli(api).RunAsync("watch", "pr-1", "--timeout", "200ms");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(
            "cancelctl: no outcome for pr-1 within 200ms; last step: eligibility checked (it goes on; watch again or raise --timeout)",
            run.Stderr.Trim());
        Assert.Contains("  eligibility checked: detail of eligibility checked", run.Stdout, StringComparison.Ordinal);
        Assert.True(api.Requests.Count > 1, "it kept reading the status until the timeout");
    }

    [Fact]
    public async Task Watch_Interrupted_Exits130_SayingSo()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, SampleCancellations.Status("pr-1", outcome: null));
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = await new InProcessCli(api).RunAsync(ctrlC.Token, "watch", "pr-1");

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Equal("cancelctl: interrupted", run.Stderr.Trim());
    }

    [Fact]
    public async Task Watch_Unknown_ExitsOne()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-x"), HttpStatusCode.NotFound, FakeApi.Problem(404, "No cancellation for this payment"));

        var run = await new InProcessCli(api).RunAsync("watch", "pr-x");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("cancelctl: not found: There is no cancellation for pr-x.", run.Stderr.Trim());
    }
}
