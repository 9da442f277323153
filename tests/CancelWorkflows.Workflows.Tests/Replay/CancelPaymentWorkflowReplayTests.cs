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

    /// <summary>A replay that has not ended by then hangs (deadlock detection is off: <see cref="ReplayerOptions"/>).</summary>
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromMinutes(1);

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
        var replayer = new WorkflowReplayer(ReplayerOptions()
            .AddWorkflow<CancelPaymentWorkflow>()
            .AddWorkflow<Workflows.Reconciliation.RefundReconciliationWorkflow>()
            .AddWorkflow<Workflows.Promotions.PromoExpiryWorkflow>());

        var result = await ReplayAsync(replayer, scenario);

        Assert.Null(result.ReplayFailure);
    }

    [Fact]
    public async Task Replay_ChangedWorkflow_FailsWithNondeterminism()
    {
        var replayer = new WorkflowReplayer(ReplayerOptions().AddWorkflow<ReorderedCancelPaymentWorkflow>());

        var result = await ReplayAsync(replayer, "cancelled-after-two-u");

        Assert.IsType<Temporalio.Exceptions.WorkflowNondeterminismException>(result.ReplayFailure);
    }

    /// <summary>
    /// Both tests replay with these options, so the changed workflow's failure shows that they still catch nondeterminism.
    /// Deadlock detection is off (<c>DebugMode</c>): it fails an activation that has not yielded within 2 s of wall-clock
    /// time, and a loaded CI machine took longer than that over a first, cold replay (TMPRL1101), although the workflow
    /// code never blocks. Workflow code that blocks still meets deadlock detection in every test that runs it on a real
    /// worker; these tests guard determinism, and a replay that hangs still fails on <see cref="ReplayTimeout"/>.
    /// </summary>
    private static WorkflowReplayerOptions ReplayerOptions() => new() { DebugMode = true };

    private static Task<WorkflowReplayResult> ReplayAsync(WorkflowReplayer replayer, string scenario) =>
        replayer.ReplayWorkflowAsync(Load(scenario), throwOnReplayFailure: false).WaitAsync(ReplayTimeout);

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
