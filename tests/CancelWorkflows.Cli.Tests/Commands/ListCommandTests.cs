using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;

namespace CancelWorkflows.Cli.Tests.Commands;

public sealed class ListCommandTests
{
    private const string Path = "/v1/cancellations";
    private readonly FakeApi api = new();

    [Fact]
    public async Task List_SendsEveryFilter()
    {
        api.On(HttpMethod.Get, Path, HttpStatusCode.OK, new CancellationPage([], null));

        var run = await new InProcessCli(api).RunAsync(
            "list", "--outcome", "escalated", "--escalated", "--late-success", "false", "--merchant", "acme",
            "--from", "2025-03-01", "--to", "2025-03-02T00:00:00Z", "--page-size", "50", "--page-token", "tok-1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = Assert.Single(api.Requests);
        Assert.Equal("Escalated", request.Query("outcome"));
        Assert.Equal("true", request.Query("escalated"));
        Assert.Equal("false", request.Query("lateSuccess"));
        Assert.Equal("acme", request.Query("merchant"));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(request.Query("from")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(request.Query("to")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("50", request.Query("pageSize"));
        Assert.Equal("tok-1", request.Query("pageToken"));
    }

    [Fact]
    public async Task List_Readable_IsAnAlignedTable_WithTheNextPageHint()
    {
        api.On(HttpMethod.Get, Path, HttpStatusCode.OK, new CancellationPage(
            [SampleCancellations.Summary("pr-1"), SampleCancellations.Summary("pr-long-id-2", outcome: null, lateSuccess: true)],
            "next-token"));

        var run = await new InProcessCli(api).RunAsync("list");

        var lines = run.Stdout.Split(Environment.NewLine);
        Assert.Equal("PAYMENT REQUEST ID  OUTCOME      ESCALATED  LATE SUCCESS  REFUND     MERCHANT  BOOKING  STARTED               WORKFLOW", lines[0]);
        Assert.Equal("pr-1                Cancelled    -          -             -          acme      B-42     2025-03-01 12:00:00Z  Running", lines[1]);
        Assert.Equal("pr-long-id-2        (undecided)  -          yes           Confirmed  acme      B-42     2025-03-01 12:00:00Z  Running", lines[2]);
        Assert.Contains("More: add --page-token next-token (or --all for every page).", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Empty_SaysSo()
    {
        api.On(HttpMethod.Get, Path, HttpStatusCode.OK, new CancellationPage([], null));

        var run = await new InProcessCli(api).RunAsync("list", "--escalated");

        Assert.Equal("No cancellations match.", run.Stdout.Trim());
    }

    [Fact]
    public async Task List_All_FollowsEveryPage_WithProgressOnStderr()
    {
        api.On(HttpMethod.Get, Path, request => request.Query("pageToken") switch
        {
            null => (HttpStatusCode.OK, new CancellationPage([SampleCancellations.Summary("pr-1"), SampleCancellations.Summary("pr-2")], "p2")),
            "p2" => (HttpStatusCode.OK, new CancellationPage([SampleCancellations.Summary("pr-3")], "p3")),
            _ => (HttpStatusCode.OK, new CancellationPage([SampleCancellations.Summary("pr-4")], null)),
        });

        var run = await new InProcessCli(api).RunAsync("list", "--all", "--json", "--merchant", "acme");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(3, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.Equal("acme", r.Query("merchant")));
        var document = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(["pr-1", "pr-2", "pr-3", "pr-4"], document.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("paymentRequestId").GetString()));
        Assert.Equal(JsonValueKind.Null, document.GetProperty("nextPageToken").ValueKind);
        Assert.Equal(
            ["page 1: 2 cancellations, reading on…", "page 2: 3 cancellations, reading on…", "page 3: 4 cancellations"],
            run.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task List_Json_IsOnePage()
    {
        api.On(HttpMethod.Get, Path, HttpStatusCode.OK, new CancellationPage([SampleCancellations.Summary("pr-1")], "next"));

        var run = await new InProcessCli(api).RunAsync("list", "--json");

        var document = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("next", document.GetProperty("nextPageToken").GetString());
        Assert.Equal("cancel-pr-1", document.GetProperty("items")[0].GetProperty("workflowId").GetString());
    }
}
