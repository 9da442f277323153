using System.Net;
using CancelWorkflows.DevMode;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.ProcessTests.DevMode;

/// <summary>
/// Dev mode stopped in each way a developer or a crash stops it, then started again on the same data folder: every
/// workflow is still there, the keys are the same, nothing needs cleaning by hand (docs/design.md, "Dev mode").
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class DevModeRestartTests : IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new();
    private readonly DevModePorts ports = DevModePorts.Allocate();

    private string DatabasePath => Path.Combine(folder.Path, ".cancelworkflows", "temporal.db");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Sigterm_StopsEverythingAndFreesThePorts_RestartKeepsWorkflowsAndBothMerchantsKeys()
    {
        string id, runId;
        Dictionary<string, string> keys;
        await using (var first = await DevModeInstance.StartAsync(folder.Path, ports))
        {
            (id, runId) = await CancelOnePaymentAsync(first);
            keys = ReadKeys(first.DataDir);
            Assert.Subset(keys.Keys.ToHashSet(), new HashSet<string> { "merchant-private.pem", "merchant-b-private.pem", "merchant-b-public.pem", "antom-private.pem" });

            var exitCode = await first.StopAsync(StopTimeout);

            Assert.Equal(0, exitCode);
        }

        Assert.True(await FreePorts.WaitUntilFreeAsync(ports.All, TimeSpan.FromSeconds(10)), "a port is still in use after SIGTERM");
        Assert.Empty(StaleDevServers.Find(DatabasePath));

        await using var second = await DevModeInstance.StartAsync(folder.Path, ports);
        await AssertStillThereAsync(second, id, runId);
        Assert.Equal(keys, ReadKeys(second.DataDir));
        Assert.Equal(0, await second.StopAsync(StopTimeout));
    }

    [Fact]
    public async Task SigkillOfTheServiceAlone_NextStartStopsTheLeftoverDevServerAndRecovers()
    {
        await using var first = await DevModeInstance.StartAsync(folder.Path, ports);
        var (id, runId) = await CancelOnePaymentAsync(first);

        first.Process.KillServiceOnly();
        Assert.NotNull(await first.Process.WaitForExitAsync(StopTimeout));

        // What a kill of the service alone leaves behind: its dev server, orphaned, on the ports and the database.
        var leftovers = StaleDevServers.Find(DatabasePath).ToList();
        Assert.NotEmpty(leftovers);

        await using var second = await DevModeInstance.StartAsync(folder.Path, ports);
        Assert.Contains("stopped a Temporal dev server left running", second.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StaleDevServers.Find(DatabasePath), leftovers.Contains);
        await AssertStillThereAsync(second, id, runId);
    }

    [Fact]
    public async Task SigkillOfTheProcessGroup_NextStartRecovers()
    {
        string id, runId;
        await using (var first = await DevModeInstance.StartAsync(folder.Path, ports))
        {
            (id, runId) = await CancelOnePaymentAsync(first);

            first.Process.KillProcessGroup();

            Assert.NotNull(await first.Process.WaitForExitAsync(StopTimeout));
        }

        // The service's exit is seen before the kernel has torn down every killed process of the group.
        Assert.True(await FreePorts.WaitUntilFreeAsync(ports.All, TimeSpan.FromSeconds(10)), "a port is still in use after the SIGKILL");
        await using var second = await DevModeInstance.StartAsync(folder.Path, ports);
        await AssertStillThereAsync(second, id, runId);
    }

    private static async Task<(string Id, string RunId)> CancelOnePaymentAsync(DevModeInstance dev)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await dev.Simulator.PutPaidCardPaymentAsync(id);
        using var response = await dev.Api.PostCancellationAsync(new { paymentRequestId = id });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.ReadObjectAsync();
        var status = await dev.Api.WaitForOutcomeAsync((string)started["statusUrl"]!, OutcomeTimeout);
        Assert.Equal("Cancelled", (string?)status["outcome"]);
        return (id, (string)started["runId"]!);
    }

    private static async Task AssertStillThereAsync(DevModeInstance dev, string id, string runId)
    {
        var status = await dev.Api.WaitForOutcomeAsync($"/v1/cancellations/{id}", OutcomeTimeout);
        Assert.Equal(runId, (string?)status["runId"]);
        Assert.Equal("Cancelled", (string?)status["outcome"]);

        // The simulator's payment book survived too: still exactly one effective cancel.
        Assert.Equal(1, (await dev.Simulator.GetPaymentAsync(id))!.EffectiveCancels);
    }

    private static Dictionary<string, string> ReadKeys(string dataDir) =>
        Directory.GetFiles(Path.Combine(dataDir, "keys")).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
}
