using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Testing;
using Xunit.Abstractions;

namespace CancelWorkflows.Workflows.Tests.Cancel;

/// <summary>Money safety where time matters, on the time-skipping test server: an inquiry retried for a minute before it
/// is given up, and an escalation left open for three months.</summary>
public sealed class CancelSafetyTimerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    public static TheoryData<string, string?> UnreadableInquiries => new()
    {
        { "U", null },
        { "drop", null },
        { "F", "REQUEST_TRAFFIC_EXCEED_LIMIT" },
    };

    [Theory]
    [MemberData(nameof(UnreadableInquiries))]
    public async Task RunAsync_UnpaidOnly_InquiryUnreadable_NothingCancelledFailsTypedAndTellsItsRun(string kind, string? resultCode)
    {
        await using var env = await TimeSkippingServer.StartAsync();
        var id = await antom.UnpaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = kind, ResultCode = resultCode, Api = "inquiryPayment", Count = 100 });
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = CancelWorker.Create(env.Client, taskQueue, antom.Client, configure: o => o.AddWorkflow<PromotionRunStandIn>());

        var (run, child) = await worker.ExecuteAsync(async () =>
        {
            var handle = await env.Client.StartWorkflowAsync(
                (PromotionRunStandIn wf) => wf.RunAsync(new CancelPaymentRequest
                {
                    PaymentRequestId = id,
                    PromoId = "promo-unreadable",
                    Mode = CancelMode.UnpaidOnly,
                    Settings = CancelWorker.FastSettings(),
                }),
                new WorkflowOptions($"promo-run-{id}", taskQueue));
            var result = await handle.GetResultAsync();
            var cancel = env.Client.GetWorkflowHandle<CancelPaymentWorkflow>(CancelWorkflowIds.For(id, null));
            var status = await cancel.QueryAsync(wf => wf.Status);
            if (kind == "U")
            {
                await HistoryCapture.SaveAsync(cancel, "unpaid-only-status-unreadable");
            }

            return (result, status);
        });

        Assert.Equal(CancelFailureTypes.PaymentStatusUnreadable, run.ChildFailureType);
        var report = Assert.Single(run.Reports);
        Assert.Equal((id, null, false, true), (report.PaymentRequestId, report.Outcome, report.Escalated, report.StatusUnreadable));
        Assert.Null(child.Outcome);
        Assert.True(child.EligibilityUnknown);
        Assert.Contains("nothing was sent to Antom's cancel", child.Detail, StringComparison.Ordinal);
        var payment = (await antom.Control.GetPaymentAsync(id))!;
        Assert.DoesNotContain(payment.Calls, c => c.Api == "cancel");
        Assert.Equal("PROCESSING", payment.PaymentStatus);
    }

    [Fact]
    public async Task RunAsync_Standard_InquiryAnswersU_AntomsCancelAnswerDecides()
    {
        // Booking mode keeps its documented choice: the cancel goes out and Antom's answer decides (a paid booking is
        // cancelled and refunded, which is what a booking cancellation asks for).
        await using var env = await TimeSkippingServer.StartAsync();
        var id = await antom.UnpaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Api = "inquiryPayment", Count = 100 });
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = CancelWorker.Create(env.Client, taskQueue, antom.Client);

        var status = await worker.ExecuteAsync(() => env.Client.ExecuteWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { PaymentRequestId = id, Settings = CancelWorker.FastSettings() }),
            new WorkflowOptions(CancelWorkflowIds.For(id, null), taskQueue)));

        Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
        Assert.True(status.EligibilityUnknown);
        Assert.Contains(status.Steps, s => s.Name == "eligibility unknown" && s.Detail.EndsWith("Antom's cancel answer decides", StringComparison.Ordinal));
        Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task EscalateAsync_A4_OpenForNinetyDays_HistoryBoundedAcrossRunsStatusKeptAndResolvable()
    {
        await using var env = await TimeSkippingServer.StartAsync();
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await antom.PaidPaymentAsync();
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        var taskQueue = TimeSkippingServer.NewTaskQueue();
        using var worker = CancelWorker.Create(env.Client, taskQueue, antom.Client, support.Url);

        // Default settings: U-retries 10 s / 1 min / 5 min, SLA 4 h, first check after 15 min, checks back off to 24 h.
        var (status, resolved, runs) = await worker.ExecuteAsync(async () =>
        {
            var first = await env.Client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { PaymentRequestId = id, Reason = "90 days open" }),
                new WorkflowOptions(CancelWorkflowIds.For(id, null), taskQueue));
            // A day at a time: each skip is one RPC, and a single 90-day one could outlast its deadline on a loaded machine.
            for (var day = 0; day < 90; day++)
            {
                await env.DelayAsync(TimeSpan.FromDays(1));
            }

            var latest = env.Client.GetWorkflowHandle<CancelPaymentWorkflow>(first.Id);
            var open = await latest.QueryAsync(wf => wf.Status);
            Assert.True((await latest.DescribeAsync()).TypedSearchAttributes.Get(CancelSearchAttributes.Escalated));
            await latest.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:grace", "settled with Antom after 90 days"));
            var result = await first.GetResultAsync();
            return (open, result, await RunsOfAsync(env, first.Id, first.ResultRunId!));
        });

        var events = runs.Sum(r => r.Events);
        output.WriteLine($"{runs.Count} runs, {events} events in all: {string.Join(", ", runs.Select(r => r.Events))}");
        Assert.True(events < 10_000, $"{events} events over {runs.Count} runs");
        Assert.True(runs.Count >= 2, "the escalation never continued as new");
        Assert.All(runs, r => Assert.True(r.Events <= CancelSettings.DefaultEscalationHistoryLimit + 100, $"a run has {r.Events} events"));

        // After continue-as-new, Status still tells the whole story: attempts, the first steps, the counters.
        Assert.Equal(CancelOutcomes.Escalated, status.Outcome);
        Assert.Equal(runs.Count - 1, status.ContinuedAsNew);
        Assert.Equal(["U", "U", "U", "U"], status.Attempts.Select(a => a.ResultStatus));
        Assert.Equal(["requested", "eligibility", "cancel attempt 1"], status.Steps.Take(3).Select(s => s.Name));
        Assert.Contains(status.Steps, s => s.Name == "outcome Escalated");
        Assert.Contains(status.Steps, s => s.Name == "continued as new");
        Assert.InRange(status.EscalationNotices, 535, 545); // every 4 h for 90 days: the SLA keeps its cadence
        Assert.Equal(status.EscalationNotices, support.Received.Select(r => r.IdempotencyKey).Distinct().Count());

        // The checks of Antom backed off: about 95 in 90 days instead of one every 15 minutes (8,640).
        var inquiries = (await antom.Control.GetPaymentAsync(id))!.Calls.Count(c => c.Api == "inquiryPayment");
        Assert.InRange(inquiries, 90, 100);
        var polls = status.Steps.Where(s => s.Name == "inquiry" && s.Detail.StartsWith("escalated:", StringComparison.Ordinal)).ToList();
        Assert.InRange(polls[^1].Time - polls[^2].Time, TimeSpan.FromHours(24), TimeSpan.FromHours(24.1));

        Assert.Equal(CancelOutcomes.Resolved, resolved.Outcome);
        Assert.Equal("support:grace", resolved.Resolution?.ResolvedBy);
        Assert.Equal(4, resolved.Attempts.Count);
    }

    /// <summary>Every run of the chain from the first, following continue-as-new, with its event count.</summary>
    private static async Task<List<(string RunId, int Events)>> RunsOfAsync(WorkflowEnvironment env, string workflowId, string firstRunId)
    {
        var runs = new List<(string, int)>();
        string? runId = firstRunId;
        while (runId is not null)
        {
            var history = await env.Client.GetWorkflowHandle(workflowId, runId).FetchHistoryAsync();
            runs.Add((runId, history.Events.Count));
            var last = history.Events.Last();
            runId = last.EventType == EventType.WorkflowExecutionContinuedAsNew ? last.WorkflowExecutionContinuedAsNewEventAttributes.NewExecutionRunId : null;
        }

        return runs;
    }
}
