using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Roles;

/// <summary>What a process runs is decided before anything starts, and a decision it cannot make stops it (exit code 3)
/// with a message naming the setting.</summary>
public sealed class RoleStartupTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new("cw-role-startup-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task UnknownRole_Exits3NamingServiceRoles()
    {
        var (exitCode, output) = await RunUntilExitAsync(new()
        {
            ["Service__Roles"] = "api,scheduler",
            ["Temporal__Address"] = $"127.0.0.1:{FreePorts.Take(1)[0]}",
        });

        Assert.Equal(3, exitCode);
        Assert.Contains("Service:Roles has an unknown role 'scheduler'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_NoTemporalAddress_Exits3NamingItAndDevelopment_NoDevServer()
    {
        var ports = DevModePorts.Allocate();
        var settings = new Dictionary<string, string?>(ports.ToEnvironment()) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Temporal:Address is not set", output, StringComparison.Ordinal);
        Assert.Contains("Development environment", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".cancelworkflows")), "dev mode made its data folder");
        Assert.True(FreePorts.IsFree(ports.Temporal), "a dev server listens");
    }

    [Fact]
    public async Task NoEnvironmentSet_IsProduction_NoTemporalAddressRefused()
    {
        var (exitCode, output) = await RunUntilExitAsync([]);

        Assert.Equal(3, exitCode);
        Assert.Contains("Temporal:Address is not set", output, StringComparison.Ordinal);
        Assert.Contains("environment 'Production'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevMode_WithOneRole_Exits3NamingServiceRoles_NothingStarted()
    {
        var ports = DevModePorts.Allocate();
        var settings = new Dictionary<string, string?>(ports.ToEnvironment()) { ["Service__Roles"] = "worker" };

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Service:Roles is 'worker', but dev mode runs every role", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".cancelworkflows")), "dev mode made its data folder");
    }

    private async Task<(int? ExitCode, string Output)> RunUntilExitAsync(Dictionary<string, string?> settings)
    {
        await using var service = ServiceProcess.Start(folder.Path, settings);
        var exitCode = await service.WaitForExitAsync(ExitTimeout);
        return (exitCode, service.Output);
    }
}
