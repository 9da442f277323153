using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;

namespace CancelWorkflows.Cli.Tests.Commands;

public sealed class StatusCommandTests
{
    private readonly FakeApi api = new();

    [Fact]
    public async Task Status_Readable_ShowsOutcome_Payment_Attempts_AndSteps()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, SampleCancellations.Status("pr-1"));

        var run = await new InProcessCli(api).RunAsync("status", "pr-1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Stdout.Split(Environment.NewLine);
        Assert.Contains("outcome:             Cancelled (rule A3)", lines);
        Assert.Contains("payment:             1000 USD, ALIPAY_CN, SUCCESS at start", lines);
        Assert.Contains("workflow:            cancel-pr-1 (run run-1), running", lines);
        Assert.Contains("#  TIME                  RESULT  CODE     CLASSIFICATION  NO ANSWER", lines);
        Assert.Contains("1  2025-03-01 12:00:01Z  S       SUCCESS  Success         -", lines);
        Assert.Contains("2025-03-01 12:00:00Z  started              detail of started", lines);
    }

    [Fact]
    public async Task Status_Undecided_SaysSo()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, SampleCancellations.Status("pr-1", outcome: null));

        var run = await new InProcessCli(api).RunAsync("status", "pr-1");

        Assert.Contains("outcome:             (undecided)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NotBeforeNotReached_ShowsWhenItStarts()
    {
        var status = SampleCancellations.Status("pr-1", outcome: null) with { ScheduledFor = SampleCancellations.T0.AddMinutes(30) };
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, status);

        var run = await new InProcessCli(api).RunAsync("status", "pr-1");

        Assert.Contains("scheduled for:       2025-03-01 12:30:00Z (notBefore: nothing is sent to Antom before)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_LateSuccessAndEscalation_AreShown()
    {
        var status = SampleCancellations.Status("pr-1", CancellationOutcomes.Resolved) with
        {
            Escalated = true,
            EscalationNotices = 2,
            Resolution = new EscalationResolutionInfo("Cancelled", "support:alice", "done at Antom", SampleCancellations.T0.AddHours(1)),
            LateSuccess = true,
            Reconciliation = new RefundReconciliation { State = "Confirmed", Currency = "USD", Value = "1000", RefundId = "rf-7", ConfirmedAt = SampleCancellations.T0.AddHours(2) },
        };
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, status);

        var run = await new InProcessCli(api).RunAsync("status", "pr-1");

        Assert.Contains("escalated:           yes (2 notices to support)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("resolution:          Cancelled by support:alice at 2025-03-01 13:00:00Z: done at Antom", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("refund:              Confirmed 1000 USD, refund id rf-7, confirmed 2025-03-01 14:00:00Z", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_RefundedInstead_ShowsTheOutcomeTheRefundAndItsAttempts()
    {
        var status = SampleCancellations.Status("pr-1", CancellationOutcomes.Refunded) with
        {
            Rule = "RF6",
            Attempts = [],
            RefundFallback = new RefundFallbackInfo
            {
                NotCancellable = "W5: ALIPAY_CN paid, the W5 deadline has passed",
                RefundRequestId = "refund-cancel-pr-1",
                RefundId = "rf-9",
                Currency = "USD",
                Value = "1000",
                State = "Succeeded",
                ConfirmedBy = "refund answer",
                Attempts = [new CancellationAttempt(1, SampleCancellations.T0, "U", "UNKNOWN_EXCEPTION", null, "Unknown"), new CancellationAttempt(2, SampleCancellations.T0.AddSeconds(10), "S", "SUCCESS", null, "Refunded")],
            },
        };
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, status);

        var run = await new InProcessCli(api).RunAsync("status", "pr-1");

        Assert.Contains("Refunded (rule RF6", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "refund instead:      Succeeded: 1000 USD, refundRequestId refund-cancel-pr-1, refundId rf-9, confirmed by refund answer (not cancellable: W5: ",
            run.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("Refund attempts", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("UNKNOWN_EXCEPTION", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_IsTheStatusDocument()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-1"), HttpStatusCode.OK, SampleCancellations.Status("pr-1"));

        var run = await new InProcessCli(api).RunAsync("status", "pr-1", "--json");

        var document = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("cancel-pr-1", document.GetProperty("workflowId").GetString());
        Assert.Equal("pr-1", document.GetProperty("paymentRequestId").GetString());
        Assert.Equal("Cancelled", document.GetProperty("outcome").GetString());
        Assert.Equal("S", document.GetProperty("attempts")[0].GetProperty("resultStatus").GetString());
        Assert.Equal(3, document.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Status_Unknown_ExitsOne_SayingNoCancellation()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pr-x"), HttpStatusCode.NotFound, FakeApi.Problem(404, "No cancellation for this payment"));

        var run = await new InProcessCli(api).RunAsync("status", "pr-x");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("cancelctl: no cancellation for paymentRequestId pr-x", run.Stderr.Trim());
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Status_ByPaymentId_AsksByPaymentId()
    {
        api.On(HttpMethod.Get, SampleCancellations.StatusPath("pid-9"), HttpStatusCode.OK, SampleCancellations.Status("pr-1"));

        var run = await new InProcessCli(api).RunAsync("status", "pid-9", "--by-payment-id");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("paymentId", Assert.Single(api.Requests).Query("by"));
    }

    [Fact]
    public async Task Status_UsesTheUrlOption()
    {
        api.On(HttpMethod.Get, "/base/v1/cancellations/pr-1", HttpStatusCode.OK, SampleCancellations.Status("pr-1"));

        var run = await new InProcessCli(api).RunAsync("status", "pr-1", "--url", "https://cancels.example.com/base");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("cancels.example.com", Assert.Single(api.Requests).Uri.Host);
    }
}
