using System.Diagnostics;
using CancelWorkflows.Service.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CancelWorkflows.Service.Tests.Roles;

/// <summary>
/// What the production image is made of: <c>dotnet publish -c Release</c> of the service (deploy/Dockerfile's command)
/// ships no dev mode — no simulator, no dev-server launcher, no demo holds — and, started in Production without
/// <c>Temporal:Address</c>, refuses with a message naming it. Slow (a whole Release build into a temporary folder, apart
/// from the tree's own obj/ and bin/), so one test.
/// </summary>
public sealed class ReleasePublishTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);

    private readonly TempFolder folder = new("cw-publish-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ReleasePublish_NoSimulatorNoDevMode_RefusesToStartWithoutTemporalAddress()
    {
        var published = Path.Combine(folder.Path, "out");
        var (exitCode, log) = await PublishAsync(published);
        Assert.True(exitCode == 0, $"dotnet publish exited {exitCode}:{Environment.NewLine}{log}");

        var files = Directory.GetFiles(published).Select(Path.GetFileName).ToList();
        Assert.Contains("CancelWorkflows.Service.dll", files);
        Assert.DoesNotContain("CancelWorkflows.AntomSimulator.dll", files);
        Assert.DoesNotContain("CancelWorkflows.DevMode.dll", files);
        var deps = await File.ReadAllTextAsync(Path.Combine(published, "CancelWorkflows.Service.deps.json"));
        Assert.DoesNotContain("CancelWorkflows.AntomSimulator", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("CancelWorkflows.DevMode", deps, StringComparison.Ordinal);

        var dll = Path.Combine(published, "CancelWorkflows.Service.dll");
        await using (var production = ServiceProcess.Start(folder.Path, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, dll))
        {
            Assert.Equal(3, await production.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Temporal:Address is not set", production.Output, StringComparison.Ordinal);
            Assert.Contains("Development environment", production.Output, StringComparison.Ordinal);
        }

        // Even in Development this build has no dev mode to fall back on.
        await using var development = ServiceProcess.Start(folder.Path, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, dll);
        Assert.Equal(3, await development.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("this build has no dev mode", development.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".cancelworkflows")), "a dev mode made its data folder");
    }

    private async Task<(int? ExitCode, string Log)> PublishAsync(string outputFolder)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ServiceBinary.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", Path.Combine("src", "CancelWorkflows.Service", "CancelWorkflows.Service.csproj"),
            "-c", "Release", "-o", outputFolder,
            // Its own obj/ and bin/: the tree's build output (which the other tests run) stays as it is.
            "--artifacts-path", Path.Combine(folder.Path, "artifacts"),
            // The compiler server is the environment's choice (UseSharedCompilation): .ci/run turns it on and its build
            // leaves it warm, 23-28 CPU-s instead of 45-55 here. It does not hold this test's output pipes: it gets
            // standard streams of its own.
            "-nologo", "-v", "q", "-nodeReuse:false",
            // The analyzers change no output file and the solution's own build already fails on them: without them the
            // publish takes about 23 s instead of 36 s here, and ships the same files.
            "-p:RunAnalyzers=false",
        })
        {
            info.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild settings must not leak into this build.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (null, $"timed out after {PublishTimeout}: {await stdout}{await stderr}");
        }

        output.WriteLine($"dotnet publish -c Release: {clock.Elapsed.TotalSeconds:F0} s");
        return (process.ExitCode, await stdout + await stderr);
    }
}
