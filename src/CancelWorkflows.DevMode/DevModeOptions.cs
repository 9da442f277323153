namespace CancelWorkflows.DevMode;

/// <summary>
/// Configuration section <c>DevMode</c> (docs/design.md, "Dev mode"): where dev mode keeps its data and which ports it uses.
/// Read before the host is built, because dev mode must claim its ports before anything starts.
/// </summary>
public sealed class DevModeOptions
{
    public const string Section = "DevMode";

    /// <summary>Data folder (relative to the working directory): dev server database, keys, simulator payment book.</summary>
    public string DataDir { get; set; } = ".cancelworkflows";

    /// <summary>Temporal dev server gRPC port, on 127.0.0.1.</summary>
    public int TemporalPort { get; set; } = 7233;

    /// <summary>Temporal Web UI port, on 127.0.0.1.</summary>
    public int TemporalUiPort { get; set; } = 8233;

    /// <summary>Where this service's API listens in dev mode.</summary>
    public string ApiUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where the in-process Antom simulator listens.</summary>
    public string SimulatorUrl { get; set; } = "http://127.0.0.1:5090";

    /// <summary>Scales the simulator's notification re-send intervals (Antom's 0 s, 2 min, 10 min, …): 0.001 makes 2 min
    /// 120 ms, so a test can watch a re-send after an outage.</summary>
    public double NotificationTimeScale { get; set; } = 1.0;

    /// <summary>Every problem, each naming its setting; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDir))
        {
            failures.Add("DevMode:DataDir must not be empty (default .cancelworkflows).");
        }

        Port(TemporalPort, "DevMode:TemporalPort", failures);
        Port(TemporalUiPort, "DevMode:TemporalUiPort", failures);
        Url(ApiUrl, "DevMode:ApiUrl", failures);
        Url(SimulatorUrl, "DevMode:SimulatorUrl", failures);
        if (!(NotificationTimeScale > 0) || double.IsInfinity(NotificationTimeScale))
        {
            failures.Add("DevMode:NotificationTimeScale must be a positive number (default 1; 0.001 turns 2 min into 120 ms).");
        }

        return failures;
    }

    private static void Port(int port, string setting, List<string> failures)
    {
        if (port is <= 0 or > 65535)
        {
            failures.Add($"{setting} must be a port between 1 and 65535.");
        }
    }

    private static void Url(string url, string setting, List<string> failures)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port <= 0)
        {
            failures.Add($"{setting} must be an http:// URL with host and port, e.g. http://127.0.0.1:5080.");
        }
    }
}
