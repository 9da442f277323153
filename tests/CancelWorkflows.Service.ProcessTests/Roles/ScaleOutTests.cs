using CancelWorkflows.Benchmarks.Harness;
using CancelWorkflows.Benchmarks.ScaleOut;
using CancelWorkflows.Service.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CancelWorkflows.Service.ProcessTests.Roles;

/// <summary>
/// The benchmark's scale-out scenario, CI-sized (<c>scaleout --quick</c>): Temporal, the simulator, one api, one ingress
/// and two worker processes; 30 cancellations with mixed Antom answers, 5 late success notifications to the ingress;
/// worker-1 SIGKILLed in the middle and worker-3 started. Every check of the benchmark must hold.
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ApiIngressTwoWorkers_OneSigkilledMidRun_OneOutcomeEach_OneEffectiveCancel_NotificationsOnce_ApiAlwaysAnswered()
    {
        var result = await ScaleOutBenchmark.RunAsync(new ScaleOutPlan(Cancellations: 30, LateNotifications: 5));

        var section = new Section("scaleout", "CI-sized scale-out");
        result.Report(section);
        using var text = new StringWriter();
        section.WriteText(text);
        output.WriteLine(text.ToString());
        Assert.Empty(result.WrongOutcomes);
        Assert.Empty(result.WrongEffectiveCancels);
        Assert.Equal(1, result.MaxEffectiveCancels);
        Assert.Empty(result.WrongNotifications);
        Assert.Equal(0, result.Calls.Failures);
        Assert.True(result.SurvivorsShared, "a surviving worker took no workflow or activity task");
        Assert.True(result.WorkOf(result.Workers.Single(w => w.Killed)).WorkflowTasks > 0, "the killed worker had taken no work before it died");
    }
}
