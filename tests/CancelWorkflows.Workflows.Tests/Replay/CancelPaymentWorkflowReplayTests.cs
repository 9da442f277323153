using CancelWorkflows.Workflows.Cancel;
using Temporalio.Common;
using Temporalio.Worker;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Tests.Replay;

/// <summary>
/// Histories captured from real runs (Histories/*.json) replayed against today's workflow code on every build: a change
/// that would break running workflows fails here, not in production.
/// </summary>
public sealed class CancelPaymentWorkflowReplayTests
{
    public static TheoryData<string> Histories()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(HistoryFolder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    private static string HistoryFolder => Path.Combine(AppContext.BaseDirectory, "Histories");

    [Fact]
    public void Histories_AreCommitted()
    {
        Assert.True(Directory.GetFiles(HistoryFolder, "*.json").Length >= 5, "replay fixtures are missing");
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Replay_CommittedHistory_IsDeterministic(string scenario)
    {
        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions()
            .AddWorkflow<CancelPaymentWorkflow>()
            .AddWorkflow<Workflows.Reconciliation.RefundReconciliationWorkflow>()
            .AddWorkflow<Workflows.Promotions.PromoExpiryWorkflow>());

        var result = await replayer.ReplayWorkflowAsync(Load(scenario), throwOnReplayFailure: false);

        Assert.Null(result.ReplayFailure);
    }

    [Fact]
    public async Task Replay_ChangedWorkflow_FailsWithNondeterminism()
    {
        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<ReorderedCancelPaymentWorkflow>());

        var result = await replayer.ReplayWorkflowAsync(Load("cancelled-after-two-u"), throwOnReplayFailure: false);

        Assert.IsType<Temporalio.Exceptions.WorkflowNondeterminismException>(result.ReplayFailure);
    }

    private static WorkflowHistory Load(string scenario) =>
        WorkflowHistory.FromJson($"cancel-{scenario}", File.ReadAllText(Path.Combine(HistoryFolder, $"{scenario}.json")));

    /// <summary>A plausible-looking edit: waiting before the eligibility check. Running workflows would break.</summary>
    [Workflow(TemporalNames.CancelPaymentWorkflow)]
    public sealed class ReorderedCancelPaymentWorkflow
    {
        [WorkflowRun]
        public async Task<CancelStatus> RunAsync(CancelPaymentRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            await Workflow.DelayAsync(TimeSpan.FromSeconds(1));
            return new CancelStatus { PaymentRequestId = request.PaymentRequestId };
        }
    }
}
