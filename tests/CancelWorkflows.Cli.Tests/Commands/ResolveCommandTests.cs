using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;

namespace CancelWorkflows.Cli.Tests.Commands;

public sealed class ResolveCommandTests
{
    private const string Path = "/v1/cancellations/pr-1/escalation/resolve";
    private readonly FakeApi api = new();

    private static ResolveEscalationResult Resolved(string by) => new()
    {
        WorkflowId = "cancel-pr-1",
        RunId = "run-1",
        StatusUrl = "/v1/cancellations/pr-1",
        Outcome = "Cancelled",
        ResolvedBy = by,
    };

    [Fact]
    public async Task Resolve_SendsOutcomeAndNoteNeverWho_ShowsWhoTheServiceRecorded()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.OK, Resolved("support"));

        var run = await new InProcessCli(api).RunAsync("resolve", "pr-1", "--outcome", "Cancelled", "--note", "alice: done at Antom");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var body = Assert.Single(api.Requests).BodyJson();
        Assert.Equal("Cancelled", body.GetProperty("outcome").GetString());
        Assert.Equal("alice: done at Antom", body.GetProperty("note").GetString());
        Assert.False(body.TryGetProperty("resolvedBy", out _)); // the service records the API key's caller
        Assert.StartsWith("Resolution handed to cancel-pr-1: Cancelled by support.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_By_IsNoLongerAnOption()
    {
        var run = await new InProcessCli(api).RunAsync("resolve", "pr-1", "--outcome", "Cancelled", "--note", "n", "--by", "support:alice");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Resolve_WithAPlainCallersKey_ExitsOneNamingTheRole()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Forbidden, FakeApi.Problem(403, "This API key may not do this", "Needs the role operator; the caller booking does not have it (Api:Callers:booking:Roles)."));

        var run = await new InProcessCli(api).RunAsync("resolve", "pr-1", "--outcome", "Cancelled", "--note", "n", "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("Needs the role operator", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("use an operator's key", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("forbidden", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Resolve_NotEscalated_ExitsOne_WithTheServiceReason()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Conflict, FakeApi.Problem(409, "Not waiting for a resolution", "cancel-pr-1 is not escalated."));

        var run = await new InProcessCli(api).RunAsync("resolve", "pr-1", "--outcome", "Cancelled", "--note", "n");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("cancelctl: the service refused: 409 Not waiting for a resolution: cancel-pr-1 is not escalated.", run.Stderr.Trim());
    }
}
