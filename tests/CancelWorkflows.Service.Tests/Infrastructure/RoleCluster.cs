using System.Globalization;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Workflows;
using Temporalio.Client;
using Temporalio.Testing;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// A production-shaped setup on loopback for the service's roles as processes: a Temporal dev server of its own (the
/// project's search attributes registered), the Antom simulator in this process, key files in a temporary folder (the
/// merchant key trusted by the simulator), and for each role exactly the settings it needs (deploy/README.md's table).
/// </summary>
public sealed class RoleCluster : IAsyncDisposable
{
    /// <summary>Not <c>SANDBOX_</c>: the client uses Antom's live paths, as a production merchant does.</summary>
    public const string ClientId = "ROLES_MERCHANT";

    public const string BookingKey = "roles-booking-api-key-0001";

    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly TempFolder folder;
    private readonly WorkflowEnvironment temporal;

    private RoleCluster(TempFolder folder, WorkflowEnvironment temporal, AntomSimulatorServer simulator)
    {
        this.folder = folder;
        this.temporal = temporal;
        Simulator = simulator;
    }

    public ITemporalClient Temporal => temporal.Client;

    public string TemporalAddress => temporal.Client.Connection.Options.TargetHost!;

    public AntomSimulatorServer Simulator { get; }

    public string WorkingDirectory => folder.Path;

    public string MerchantPrivateKeyPath => Path.Combine(folder.Path, "merchant-private.pem");

    public string AntomPrivateKeyPath => Path.Combine(folder.Path, "antom-private.pem");

    public string AntomPublicKeyPath => Path.Combine(folder.Path, "antom-public.pem");

    public static async Task<RoleCluster> StartAsync()
    {
        var folder = new TempFolder("cw-roles-");
        using var merchant = AntomKeys.Generate();
        using var antom = AntomKeys.Generate();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "merchant-private.pem"), AntomKeys.ExportPrivatePem(merchant));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "antom-private.pem"), AntomKeys.ExportPrivatePem(antom));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "antom-public.pem"), AntomKeys.ExportPublicPem(antom));
        var temporal = await WorkflowEnvironment.StartLocalAsync(new()
        {
            SearchAttributes = CancelSearchAttributes.All,
            DevServerOptions = new()
            {
                ExistingPath = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH") is { Length: > 0 } cli ? cli : null,
                StartupTimeout = TimeSpan.FromSeconds(60),
            },
        });
        var simulator = await AntomSimulatorServer.StartAsync(
            new SimulatorOptions
            {
                AntomPrivateKeyPem = AntomKeys.ExportPrivatePem(antom),
                Merchants = { [ClientId] = AntomKeys.ExportPublicPem(merchant) },
            },
            "http://127.0.0.1:0");
        return new RoleCluster(folder, temporal, simulator);
    }

    /// <summary>
    /// The environment of a process running <paramref name="roles"/> on <paramref name="url"/>: the Production environment,
    /// Temporal, and only what each of its roles needs — the api its API key, the ingress the client id and Antom's public
    /// key, the worker the gateway, the client id and both keys. Short U-retry delays and watch window, so workflows close.
    /// </summary>
    public Dictionary<string, string?> SettingsFor(string roles, string url)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Service__Roles"] = roles,
            ["Urls"] = url,
            ["Temporal__Address"] = TemporalAddress,
            ["Cancel__RetryDelays__0"] = "00:00:01",
            ["Cancel__RetryDelays__1"] = "00:00:01",
            ["Cancel__RetryDelays__2"] = "00:00:01",
            ["Cancel__WatchWindow"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        var list = roles.Split(',', StringSplitOptions.TrimEntries);
        if (list.Contains("api") || list.Contains("all"))
        {
            settings["Api__ApiKeys__booking"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(BookingKey));
        }

        if (list.Contains("ingress") || list.Contains("worker") || list.Contains("all"))
        {
            settings["Antom__ClientId"] = ClientId;
            settings["Antom__AntomPublicKeyPath"] = AntomPublicKeyPath;
        }

        if (list.Contains("worker") || list.Contains("all"))
        {
            settings["Antom__GatewayUrl"] = Simulator.BaseAddress.ToString().TrimEnd('/');
            settings["Antom__MerchantPrivateKeyPath"] = MerchantPrivateKeyPath;
        }

        return settings;
    }

    /// <summary>Starts a process of the service with <paramref name="roles"/> on a free port and waits until it says it is
    /// ready; <paramref name="extra"/> settings win over the role's.</summary>
    public async Task<RoleProcess> StartRoleAsync(string roles, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var url = $"http://127.0.0.1:{FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture)}";
        var settings = SettingsFor(roles, url);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var process = ServiceProcess.Start(folder.Path, settings);
        if (!await process.WaitForLineAsync("CancelWorkflows ready", ReadyTimeout))
        {
            var output = process.Output;
            await process.DisposeAsync();
            throw new InvalidOperationException($"The {roles} process was not ready within {ReadyTimeout.TotalSeconds} s. Output:{Environment.NewLine}{output}");
        }

        return new RoleProcess(process, new Uri(url + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await temporal.ShutdownAsync();
        folder.Dispose();
    }

    /// <summary>One process of the service, and an HTTP client on its address (no API key).</summary>
    public sealed class RoleProcess(ServiceProcess process, Uri baseAddress) : IAsyncDisposable
    {
        public ServiceProcess Process { get; } = process;

        public Uri BaseAddress { get; } = baseAddress;

        public HttpClient Http { get; } = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Process.DisposeAsync();
        }
    }
}
