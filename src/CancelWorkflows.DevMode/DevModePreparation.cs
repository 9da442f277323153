using Microsoft.Extensions.Configuration;

namespace CancelWorkflows.DevMode;

/// <summary>
/// Everything dev mode does before any server starts: read <c>DevMode:*</c>, claim the data folder, stop a dev server a
/// killed predecessor left behind, check every port, make or load the keys. A problem here stops start-up with a
/// message and an exit code, with nothing started.
/// </summary>
public static class DevModePreparation
{
    /// <param name="configuration">The service's configuration (<c>DevMode:*</c>, <c>Temporal:Namespace</c>).</param>
    /// <param name="notificationsPath">The service's notification ingress path; the simulator sends its notifications there.</param>
    /// <exception cref="DevModeRefusedException">The options are invalid, the folder is in use, or a port is taken.</exception>
    public static DevModeSetup Prepare(IConfiguration configuration, string notificationsPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationsPath);
        var options = configuration.GetSection(DevModeOptions.Section).Get<DevModeOptions>() ?? new DevModeOptions();
        var problems = options.Validate().ToList();
        if (Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH") is { Length: > 0 } cli && !File.Exists(cli))
        {
            problems.Add($"TEMPORAL_CLI_PATH is set to {cli}, but no file is there (unset it to let the Temporal SDK download the dev server).");
        }

        if (problems.Count > 0)
        {
            throw new DevModeRefusedException(Refusal(problems), DevModeRefusal.InvalidConfiguration);
        }

        var dataDir = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(dataDir);
        var folderLock = DataFolderLock.Acquire(dataDir);
        try
        {
            var stale = StaleDevServers.Stop(Path.Combine(dataDir, "temporal.db"), TimeSpan.FromSeconds(10));
            var dashboardExecutable = options.Dashboard ? AspireDashboard.FindExecutable(options.DashboardPath) : null;
            var staleDashboards = AspireDashboard.StopStale(dataDir, TimeSpan.FromSeconds(10));
            var api = new Uri(options.ApiUrl);
            var simulator = new Uri(options.SimulatorUrl);
            var busy = PortProbe.Busy(
            [
                new("127.0.0.1", options.TemporalPort, "Temporal gRPC", "DevMode:TemporalPort", "DevMode__TemporalPort=7234"),
                new("127.0.0.1", options.TemporalUiPort, "Temporal Web", "DevMode:TemporalUiPort", "DevMode__TemporalUiPort=8234"),
                new(api.Host, api.Port, "the API", "DevMode:ApiUrl", "DevMode__ApiUrl=http://127.0.0.1:5081"),
                new(simulator.Host, simulator.Port, "the Antom simulator", "DevMode:SimulatorUrl", "DevMode__SimulatorUrl=http://127.0.0.1:5091"),
            ]);
            if (dashboardExecutable is not null)
            {
                var ui = new Uri(options.DashboardUrl);
                var otlp = new Uri(options.DashboardOtlpUrl);
                busy = [.. busy, .. PortProbe.Busy(
                [
                    new(ui.Host, ui.Port, "the Aspire dashboard", "DevMode:DashboardUrl", "DevMode__DashboardUrl=http://127.0.0.1:18898 (or DevMode__Dashboard=false)"),
                    new(otlp.Host, otlp.Port, "the Aspire dashboard's OTLP", "DevMode:DashboardOtlpUrl", "DevMode__DashboardOtlpUrl=http://127.0.0.1:18899"),
                ])];
            }

            if (busy.Count > 0)
            {
                throw new DevModeRefusedException(Refusal(busy), DevModeRefusal.EnvironmentInUse);
            }

            var keys = new DevKeyFiles(Path.Combine(dataDir, "keys"));
            var apiKey = DevKeys.Ensure(keys);
            Directory.CreateDirectory(Path.Combine(dataDir, "simulator"));
            return new DevModeSetup
            {
                DataDir = dataDir,
                Keys = keys,
                DevApiKey = apiKey,
                TemporalPort = options.TemporalPort,
                TemporalUiPort = options.TemporalUiPort,
                ApiUrl = options.ApiUrl.TrimEnd('/'),
                SimulatorUrl = options.SimulatorUrl.TrimEnd('/'),
                Lock = folderLock,
                NotificationsPath = notificationsPath,
                Namespace = configuration["Temporal:Namespace"] is { Length: > 0 } ns ? ns : DevModeSetup.DefaultNamespace,
                NotificationTimeScale = options.NotificationTimeScale,
                StoppedStaleServers = stale,
                DashboardUrl = options.DashboardUrl.TrimEnd('/'),
                DashboardOtlpUrl = options.DashboardOtlpUrl.TrimEnd('/'),
                DashboardExecutable = dashboardExecutable,
                DashboardUnavailable = dashboardExecutable is not null ? null
                    : !options.Dashboard ? "turned off (DevMode:Dashboard is false)"
                    : $"not found ({options.DashboardPath ?? "the Aspire.Dashboard.Sdk.linux-x64 package's tools/Aspire.Dashboard"}; restore the solution, or set DevMode:DashboardPath)",
                ExportToDashboard = dashboardExecutable is not null && string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
                StoppedStaleDashboards = staleDashboards,
            };
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    private static string Refusal(IEnumerable<string> problems) =>
        "Dev mode cannot start:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
