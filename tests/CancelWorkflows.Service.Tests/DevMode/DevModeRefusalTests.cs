using System.Net;
using System.Net.Sockets;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.DevMode;

/// <summary>Dev mode refuses to start where it cannot run, before starting anything, with a message and a non-zero exit.</summary>
public sealed class DevModeRefusalTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new();
    private readonly DevModePorts ports = DevModePorts.Allocate();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("api", "DevMode:ApiUrl")]
    [InlineData("simulator", "DevMode:SimulatorUrl")]
    [InlineData("temporal", "DevMode:TemporalPort")]
    [InlineData("temporalUi", "DevMode:TemporalUiPort")]
    public async Task PortInUse_ExitsWithCode2NamingThePortAndItsSetting(string which, string setting)
    {
        var port = which switch
        {
            "api" => ports.Api,
            "simulator" => ports.Simulator,
            "temporal" => ports.Temporal,
            _ => ports.TemporalUi,
        };
        var taken = new TcpListener(IPAddress.Loopback, port);
        taken.Start();
        try
        {
            await using var service = ServiceProcess.Start(folder.Path, ports.ToEnvironment());

            var exitCode = await service.WaitForExitAsync(ExitTimeout);

            Assert.Equal(2, exitCode);
            Assert.Contains($"Port {port}", service.Output, StringComparison.Ordinal);
            Assert.Contains(setting, service.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("CancelWorkflows ready", service.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.Path, ".cancelworkflows", "temporal.db")), "a dev server was started");
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task DataFolderInUse_SecondDevModeExitsWithCode2NamingDevModeDataDir()
    {
        await using var first = await DevModeInstance.StartAsync(folder.Path, ports);

        await using var second = ServiceProcess.Start(folder.Path, DevModePorts.Allocate().ToEnvironment());
        var exitCode = await second.WaitForExitAsync(ExitTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("DevMode:DataDir", second.Output, StringComparison.Ordinal);
        Assert.Contains("in use", second.Output, StringComparison.Ordinal);
    }
}
