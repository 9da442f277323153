namespace CancelWorkflows.DevMode;

/// <summary>
/// Dev mode as prepared before the host starts: where its data lives, which addresses it uses, the keys it made or
/// found. Holds the data folder's lock for the life of the process.
/// </summary>
public sealed class DevModeSetup : IDisposable
{
    /// <summary>The merchant dev mode signs as. <c>SANDBOX_</c> makes the Antom client use Antom's sandbox paths
    /// (<c>/ams/sandbox/api/...</c>), which the simulator serves like the live ones: dev mode is a sandbox.</summary>
    public const string MerchantClientId = "SANDBOX_DEV_MERCHANT";

    /// <summary>Dev mode's second simulated merchant (<c>Antom:Merchants:brand-b</c>): its own client id and key pair, so
    /// a start with <c>"antomMerchant": "brand-b"</c> signs and is notified as another Antom account.</summary>
    public const string SecondMerchantName = "brand-b";

    public const string SecondMerchantClientId = "SANDBOX_DEV_MERCHANT_B";

    /// <summary>The default merchant's name in dev mode (<c>Antom:MerchantName</c>'s default).</summary>
    public const string MerchantName = "default";

    /// <summary>Both simulated merchants: name and client id, the default first.</summary>
    public static IReadOnlyList<(string Name, string ClientId)> Merchants { get; } =
        [(MerchantName, MerchantClientId), (SecondMerchantName, SecondMerchantClientId)];

    /// <summary>The namespace when <c>Temporal:Namespace</c> is not set (the dev server creates it).</summary>
    public const string DefaultNamespace = "default";

    public required string DataDir { get; init; }

    public required DevKeyFiles Keys { get; init; }

    public required string DevApiKey { get; init; }

    public required int TemporalPort { get; init; }

    public required int TemporalUiPort { get; init; }

    public required string ApiUrl { get; init; }

    public required string SimulatorUrl { get; init; }

    public required DataFolderLock Lock { get; init; }

    /// <summary>The ingress path (<c>Notifications:Path</c>); the simulator sends its notifications there.</summary>
    public required string NotificationsPath { get; init; }

    /// <summary>The namespace the dev server creates and registers the search attributes in (<c>Temporal:Namespace</c>).</summary>
    public string Namespace { get; init; } = DefaultNamespace;

    /// <summary><c>DevMode:NotificationTimeScale</c>, passed to the simulator.</summary>
    public double NotificationTimeScale { get; init; } = 1.0;

    /// <summary>Stale dev servers stopped during preparation (left by a process that was killed).</summary>
    public IReadOnlyList<int> StoppedStaleServers { get; init; } = [];

    /// <summary>The dashboard's UI and OTLP URLs and executable; <see cref="DashboardExecutable"/> null: no dashboard (turned
    /// off, or the package is not restored — <see cref="DashboardUnavailable"/> says which).</summary>
    public string DashboardUrl { get; init; } = string.Empty;

    public string DashboardOtlpUrl { get; init; } = string.Empty;

    public string? DashboardExecutable { get; init; }

    /// <summary>Why there is no dashboard (set at preparation, or by <see cref="DevModeServers"/> when it fails to start).</summary>
    public string? DashboardUnavailable { get; set; }

    /// <summary>Whether the service's OTLP export goes to the dashboard (not when OTEL_EXPORTER_OTLP_ENDPOINT is configured).</summary>
    public bool ExportToDashboard { get; init; }

    public IReadOnlyList<int> StoppedStaleDashboards { get; init; } = [];

    public string DatabasePath => Path.Combine(DataDir, "temporal.db");

    public string SimulatorDataDir => Path.Combine(DataDir, "simulator");

    public string TemporalAddress => $"127.0.0.1:{TemporalPort}";

    public string TemporalWebUrl => $"http://127.0.0.1:{TemporalUiPort}";

    public string NotificationUrl => ApiUrl.TrimEnd('/') + NotificationsPath;

    /// <summary>Configuration that points the ordinary services at dev mode's servers. Added last, so it wins.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationOverrides()
    {
        var overrides = Overrides();
        if (ExportToDashboard)
        {
            overrides["OTEL_EXPORTER_OTLP_ENDPOINT"] = DashboardOtlpUrl;
            overrides["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";

            // Metrics every 5 s instead of 60 s: a developer looks right after trying something.
            overrides["OTEL_METRIC_EXPORT_INTERVAL"] = "5000";
        }

        return overrides;
    }

    private Dictionary<string, string?> Overrides() => new()
    {
        ["Urls"] = ApiUrl,
        ["Antom:GatewayUrl"] = SimulatorUrl,
        ["Antom:ClientId"] = MerchantClientId,
        ["Antom:MerchantPrivateKeyPath"] = Keys.MerchantPrivate,
        ["Antom:MerchantPrivateKey"] = string.Empty,
        ["Antom:AntomPublicKeyPath"] = Keys.AntomPublic,
        ["Antom:AntomPublicKey"] = string.Empty,
        ["Antom:MerchantName"] = MerchantName,
        [$"Antom:Merchants:{SecondMerchantName}:GatewayUrl"] = SimulatorUrl,
        [$"Antom:Merchants:{SecondMerchantName}:ClientId"] = SecondMerchantClientId,
        [$"Antom:Merchants:{SecondMerchantName}:MerchantPrivateKeyPath"] = Keys.SecondMerchantPrivate,
        [$"Antom:Merchants:{SecondMerchantName}:MerchantPrivateKey"] = string.Empty,
        [$"Antom:Merchants:{SecondMerchantName}:AntomPublicKeyPath"] = Keys.AntomPublic,
        [$"Antom:Merchants:{SecondMerchantName}:AntomPublicKey"] = string.Empty,

        // The demo holds source and a developer's callback receivers are on this machine; private networks stay refused.
        ["Outbound:AllowLoopback"] = "true",

        // API keys need no data protection, but ASP.NET's authentication registers it; keep its keys in the data folder
        // (DevModeRegistration) and its "unencrypted key" warning out of a developer's terminal.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
    };

    public void Dispose() => Lock.Dispose();
}
