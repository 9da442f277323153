using System.Net.Http.Headers;
using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// One dev mode of the service as a real process (docs/design.md, "Dev mode"), in a working directory of the test's choosing
/// (the data folder is <c>&lt;dir&gt;/.cancelworkflows</c>), on free ports, ready when it printed <c>CancelWorkflows ready</c>.
/// <c>TEMPORAL_CLI_PATH</c> passes through from the test's environment.
/// </summary>
public sealed class DevModeInstance : IAsyncDisposable
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private DevModeInstance(string workingDirectory, DevModePorts ports, ServiceProcess process)
    {
        WorkingDirectory = workingDirectory;
        Ports = ports;
        Process = process;
        Api = new HttpClient { BaseAddress = new Uri(ports.ApiUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        SimulatorHttp = new HttpClient { BaseAddress = new Uri(ports.SimulatorUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        Simulator = new SimulatorControlClient(SimulatorHttp);
    }

    public string WorkingDirectory { get; }

    public string DataDir => Path.Combine(WorkingDirectory, ".cancelworkflows");

    public DevModePorts Ports { get; }

    public ServiceProcess Process { get; }

    /// <summary>The API with the dev API key (read from the data folder) as bearer token.</summary>
    public HttpClient Api { get; }

    public HttpClient SimulatorHttp { get; }

    public SimulatorControlClient Simulator { get; }

    public string ApiKey => File.ReadAllText(Path.Combine(DataDir, "keys", "dev-api-key")).Trim();

    /// <summary>Starts dev mode and waits for <c>CancelWorkflows ready</c>; throws with the output if it does not come.</summary>
    public static async Task<DevModeInstance> StartAsync(
        string workingDirectory,
        DevModePorts ports,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var environment = new Dictionary<string, string?>(ports.ToEnvironment());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var process = ServiceProcess.Start(workingDirectory, environment);
        if (!await process.WaitForLineAsync("CancelWorkflows ready", ReadyTimeout))
        {
            var output = process.Output;
            var exited = process.HasExited;
            await process.DisposeAsync();
            throw new InvalidOperationException(
                $"Dev mode was not ready within {ReadyTimeout.TotalSeconds} s (exited: {exited}). Output:{Environment.NewLine}{output}");
        }

        return new DevModeInstance(workingDirectory, ports, process);
    }

    /// <summary>SIGTERM, then the exit code (null if it did not exit within <paramref name="timeout"/>).</summary>
    public async Task<int?> StopAsync(TimeSpan timeout)
    {
        Process.Terminate();
        return await Process.WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        SimulatorHttp.Dispose();
        await Process.DisposeAsync();
    }
}
