using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Client;

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
    public async Task Resolve_SendsOutcomeNoteAndWho_ShowsWhatWasHandedOver()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.OK, Resolved("support:alice"));

        var run = await new InProcessCli(api).RunAsync("resolve", "pr-1", "--outcome", "Cancelled", "--note", "done at Antom", "--by", "support:alice");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var body = Assert.Single(api.Requests).BodyJson();
        Assert.Equal("Cancelled", body.GetProperty("outcome").GetString());
        Assert.Equal("done at Antom", body.GetProperty("note").GetString());
        Assert.Equal("support:alice", body.GetProperty("resolvedBy").GetString());
        Assert.StartsWith("Resolution handed to cancel-pr-1: Cancelled by support:alice.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_WithoutBy_LeavesItToTheService()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.OK, Resolved("dev"));

        var run = await new InProcessCli(api).RunAsync("resolve", "pr-1", "--outcome", "Cancelled", "--note", "n", "--json");

        var body = Assert.Single(api.Requests).BodyJson();
        Assert.True(!body.TryGetProperty("resolvedBy", out var by) || by.ValueKind == JsonValueKind.Null);
        Assert.Equal("dev", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("resolvedBy").GetString());
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
