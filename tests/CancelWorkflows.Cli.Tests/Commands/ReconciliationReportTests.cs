using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;

namespace CancelWorkflows.Cli.Tests.Commands;

public sealed class ReconciliationReportTests
{
    private readonly FakeApi api = new();

    public ReconciliationReportTests()
    {
        api.On(HttpMethod.Get, "/v1/cancellations", request => request.Query("pageToken") is null
            ? (HttpStatusCode.OK, new CancellationPage([SampleCancellations.Summary("pr-1", lateSuccess: true)], "p2"))
            : (HttpStatusCode.OK, new CancellationPage([SampleCancellations.Summary("pr-2", lateSuccess: true)], null)));
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, SampleCancellations.Status("pr-1") with
        {
            LateSuccess = true,
            Reconciliation = new RefundReconciliation
            {
                State = "Confirmed",
                Currency = "USD",
                Value = "1000",
                RefundId = "rf-1",
                ConfirmedAt = SampleCancellations.T0.AddMinutes(30),
            },
        });
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-2"), HttpStatusCode.OK, SampleCancellations.Status("pr-2") with
        {
            PaymentId = "pid-2",
            LateSuccess = true,
            Reconciliation = new RefundReconciliation { State = "Expected", Currency = "EUR", Value = "2,50" },
        });
    }

    [Fact]
    public async Task Report_ListsLateSuccessesInThePeriod_ThenReadsEachRefund_AsCsv()
    {
        var run = await new InProcessCli(api).RunAsync("report", "reconciliation", "--from", "2025-03-01", "--to", "2025-04-01");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var listing = api.Requests.Where(r => r.Uri.AbsolutePath == "/v1/cancellations").ToList();
        Assert.Equal(2, listing.Count);
        Assert.All(listing, r => Assert.Equal("true", r.Query("lateSuccess")));
        Assert.All(listing, r => Assert.StartsWith("2025-03-01T00:00:00", r.Query("from"), StringComparison.Ordinal));
        Assert.Equal(
            "paymentRequestId,paymentId,amount,currency,refundState,refundId,confirmedAt,workflowId\r\n" +
            "pr-1,2025030112000000001,1000,USD,Confirmed,rf-1,2025-03-01T12:30:00Z,cancel-pr-1\r\n" +
            "pr-2,pid-2,\"2,50\",EUR,Expected,,,cancel-pr-2\r\n",
            run.Stdout);
        Assert.Contains("page 2: 2 late successes", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("refunds read: 2/2", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Json_HasThePeriodAndTheRows()
    {
        var run = await new InProcessCli(api).RunAsync("report", "reconciliation", "--from", "2025-03-01", "--to", "2025-04-01", "--json");

        var document = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(2, document.GetProperty("rows").GetArrayLength());
        Assert.Equal("rf-1", document.GetProperty("rows")[0].GetProperty("refundId").GetString());
        Assert.Equal(JsonValueKind.String, document.GetProperty("from").ValueKind);
    }
}
