using System.Diagnostics;
using CancelWorkflows.Workflows.Tests.Infrastructure;

namespace CancelWorkflows.Workflows.Tests.TemporalConfig;

/// <summary>temporal-config/setup-cluster.sh against the real dev server: creates what is missing, twice is harmless.</summary>
[Collection(TemporalDevServerCollection.Name)]
public sealed class SetupClusterScriptTests(TemporalDevServerFixture devServer)
{
    [Fact]
    public async Task SetupCluster_NewNamespaceTwice_CreatesNamespaceAndEveryAttributeThenChangesNothing()
    {
        var ns = $"setup-{Guid.NewGuid():N}";
        var address = devServer.Client.Connection.Options.TargetHost!;

        var first = await RunScriptAsync(address, ns);
        var second = await RunScriptAsync(address, ns);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"namespace {ns}: created", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains($"namespace {ns}: exists", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": created", second.Output, StringComparison.Ordinal);
        var registered = await devServer.Client.Connection.OperatorService.ListSearchAttributesAsync(new() { Namespace = ns });
        foreach (var (name, type) in CancelSearchAttributes.Definitions)
        {
            Assert.True(registered.CustomAttributes.TryGetValue(name, out var actual), $"{name} registered");
            Assert.Equal(CancelSearchAttributes.ToIndexedValueType(type), actual);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string address, string ns)
    {
        var psi = new ProcessStartInfo("bash", [RepositoryPaths.Combine("temporal-config", "setup-cluster.sh"), "--address", address, "--namespace", ns])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (TemporalBinaries.DevServerPath is { } cli)
        {
            psi.Environment["TEMPORAL_CLI_PATH"] = cli;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
