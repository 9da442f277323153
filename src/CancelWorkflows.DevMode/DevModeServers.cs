using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Temporalio.Runtime;
using Temporalio.Testing;

namespace CancelWorkflows.DevMode;

/// <summary>
/// Dev mode's servers, inside this process: the Temporal dev server (the SDK's <c>StartLocalAsync</c>, a child process,
/// with Web UI and a database in the data folder, so a restart keeps every workflow) and the Antom simulator (payment
/// book in the data folder). Registered before the Temporal worker, so it starts first and stops last.
/// </summary>
public sealed class DevModeServers(
    DevModeSetup setup,
    TemporalRuntime runtime,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger logger = loggerFactory.CreateLogger<DevModeServers>();
    private readonly SemaphoreSlim gate = new(1, 1);
    private WorkflowEnvironment? temporalServer;
    private AntomSimulatorServer? simulator;
    private AspireDashboard? dashboard;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartDashboardAsync(cancellationToken);
            await StartTemporalAsync(cancellationToken);
            simulator = await AntomSimulatorServer.StartAsync(
                new SimulatorOptions
                {
                    DataDir = setup.SimulatorDataDir,
                    AntomPrivateKeyPath = setup.Keys.AntomPrivate,
                    Merchants =
                    {
                        [DevModeSetup.MerchantClientId] = setup.Keys.MerchantPublic,
                        [DevModeSetup.SecondMerchantClientId] = setup.Keys.SecondMerchantPublic,
                    },
                    DefaultClientId = DevModeSetup.MerchantClientId,
                    NotifyUrl = setup.NotificationUrl,
                    NotificationTimeScale = setup.NotificationTimeScale,
                },
                setup.SimulatorUrl,
                loggerFactory,
                cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Stops the simulator, then the dev server (and with it its child process). Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (simulator is { } sim)
            {
                simulator = null;
                await sim.DisposeAsync();
            }

            if (dashboard is { } viewer)
            {
                dashboard = null;
                await viewer.DisposeAsync();
            }

            if (temporalServer is { } server)
            {
                temporalServer = null;
                logger.LogInformation("Stopping the Temporal dev server");
                try
                {
                    await server.ShutdownAsync();
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or Temporalio.Exceptions.TemporalException)
                {
                    // Ctrl-C reaches the dev server too (same process group) and it may be gone already.
                    logger.LogDebug(e, "The Temporal dev server had already stopped");
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The viewer is a convenience: if it does not start, dev mode goes on without it and says so.</summary>
    private async Task StartDashboardAsync(CancellationToken cancellationToken)
    {
        if (setup.DashboardExecutable is not { } executable)
        {
            return;
        }

        try
        {
            dashboard = await AspireDashboard.StartAsync(
                executable, setup.DashboardUrl, setup.DashboardOtlpUrl, setup.DataDir, TimeSpan.FromSeconds(60), logger, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            setup.DashboardUnavailable = $"did not start: {e.Message}";
            logger.LogWarning("The Aspire dashboard {Problem}; dev mode goes on without it", setup.DashboardUnavailable);
        }
    }

    private async Task StartTemporalAsync(CancellationToken cancellationToken)
    {
        var firstStart = !File.Exists(setup.DatabasePath);
        var cli = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH");
        logger.LogInformation(
            "Starting the Temporal dev server on {Address} (database {Database}, {Binary})",
            setup.TemporalAddress,
            setup.DatabasePath,
            string.IsNullOrWhiteSpace(cli) ? "binary downloaded by the Temporal SDK" : cli);
        temporalServer = await WorkflowEnvironment.StartLocalAsync(new()
        {
            TargetHost = setup.TemporalAddress,
            Namespace = setup.Namespace,
            UI = true,
            UIPort = setup.TemporalUiPort,
            Runtime = runtime,
            LoggerFactory = loggerFactory,
            SearchAttributes = firstStart ? CancelSearchAttributes.All : null,
            DevServerOptions = new()
            {
                ExistingPath = string.IsNullOrWhiteSpace(cli) ? null : cli,
                DatabaseFilename = setup.DatabasePath,
                // A kept database on a loaded machine takes longer than the SDK's default 5 s.
                StartupTimeout = TimeSpan.FromSeconds(60),
                ExtraArgs =
                [
                    // Search attributes added by DevSearchAttributes are usable at once (no cache delay).
                    "--dynamic-config-value", "system.forceSearchAttributesCacheRefreshOnRead=true",
                ],
            },
        });
        var added = await DevSearchAttributes.EnsureAsync(temporalServer.Client, setup.Namespace, cancellationToken);
        if (!firstStart && added.Count > 0)
        {
            logger.LogInformation("Added search attributes missing from the kept database: {Attributes}", string.Join(", ", added));
        }
    }
}
