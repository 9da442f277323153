namespace CancelWorkflows.Service.Hosting;

/// <summary>
/// Dev mode as the rest of the service sees it: where its servers are and the dev API key, the configuration that points
/// the ordinary services at them, and the services and endpoints it adds. Its machinery (Temporal dev server, Antom
/// simulator, keys, the data folder's lock, the demo holds source) lives in src/CancelWorkflows.DevMode, which a Release
/// publish leaves out; <see cref="DevModeHook"/> is the one place that wires it in. Disposing releases the data folder.
/// </summary>
public interface IDevMode : IDisposable
{
    string ApiUrl { get; }

    string TemporalAddress { get; }

    string TemporalWebUrl { get; }

    string SimulatorUrl { get; }

    /// <summary>The trace and metrics viewer's URL, or null when it is not running.</summary>
    string? DashboardUrl { get; }

    /// <summary>Why the viewer is not running (null when it is).</summary>
    string? DashboardUnavailable { get; }

    /// <summary>The simulated Antom merchants, name and client id (sandbox client ids: Antom's sandbox paths), the
    /// default first; the simulator trusts each one's key.</summary>
    IReadOnlyList<(string Name, string ClientId)> Merchants { get; }

    string DataDir { get; }

    /// <summary>The dev API key (caller <c>dev</c>), and the file it is kept in.</summary>
    string DevApiKey { get; }

    string DevApiKeyPath { get; }

    /// <summary>Dev servers left running by a killed dev mode and stopped while preparing.</summary>
    IReadOnlyList<int> StoppedStaleServers { get; }

    /// <summary>Configuration that points the ordinary services at dev mode's servers; added last, so it wins.</summary>
    IReadOnlyDictionary<string, string?> ConfigurationOverrides();

    /// <summary>Dev mode's servers and services. Call before the Temporal worker is registered (hosted services start in
    /// order and stop in reverse).</summary>
    void AddServices(IServiceCollection services);

    /// <summary>The demo holds source (<c>/demo/holds</c>).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
