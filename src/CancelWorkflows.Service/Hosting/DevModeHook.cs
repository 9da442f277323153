#if CANCELWORKFLOWS_DEV_MODE
using CancelWorkflows.DevMode;
using CancelWorkflows.Service.Notifications;
#endif

namespace CancelWorkflows.Service.Hosting;

/// <summary>
/// The service's one hook into dev mode. Dev mode's machinery is src/CancelWorkflows.DevMode, which the service references
/// in every build except a Release publish (<c>IncludeDevMode</c> in CancelWorkflows.Service.csproj): the production
/// image carries no simulator, no dev-server launcher and no demo endpoint, and <see cref="Prepare"/> is null there.
/// </summary>
public static class DevModeHook
{
    /// <summary>Prepares dev mode (claims the data folder, stops a leftover dev server, checks the ports, makes the keys),
    /// starting nothing yet; null in a build without dev mode.</summary>
    /// <remarks>The function throws <see cref="StartupRefusedException"/> when dev mode cannot run here.</remarks>
#if CANCELWORKFLOWS_DEV_MODE
    public static Func<IConfiguration, IDevMode>? Prepare { get; } = EmbeddedDevMode.Prepare;
#else
    public static Func<IConfiguration, IDevMode>? Prepare => null;
#endif

#if CANCELWORKFLOWS_DEV_MODE
    /// <summary>Dev mode's prepared setup, seen through <see cref="IDevMode"/>.</summary>
    private sealed class EmbeddedDevMode(DevModeSetup setup) : IDevMode
    {
        public string ApiUrl => setup.ApiUrl;

        public string TemporalAddress => setup.TemporalAddress;

        public string TemporalWebUrl => setup.TemporalWebUrl;

        public string SimulatorUrl => setup.SimulatorUrl;

        public string? DashboardUrl => setup.DashboardUnavailable is null ? setup.DashboardUrl : null;

        public string? DashboardUnavailable => setup.DashboardUnavailable;

        public IReadOnlyList<(string Name, string ClientId)> Merchants => DevModeSetup.Merchants;

        public string DataDir => setup.DataDir;

        public string DevApiKey => setup.DevApiKey;

        public string DevApiKeyPath => setup.Keys.DevApiKey;

        public IReadOnlyList<int> StoppedStaleServers => setup.StoppedStaleServers;

        public static EmbeddedDevMode Prepare(IConfiguration configuration)
        {
            try
            {
                return new EmbeddedDevMode(DevModePreparation.Prepare(configuration, NotificationsPathOf(configuration)));
            }
            catch (DevModeRefusedException e)
            {
                throw new StartupRefusedException(
                    e.Message,
                    e.Refusal == DevModeRefusal.EnvironmentInUse ? ExitCodes.EnvironmentInUse : ExitCodes.InvalidConfiguration);
            }
        }

        public IReadOnlyDictionary<string, string?> ConfigurationOverrides() => setup.ConfigurationOverrides();

        public void AddServices(IServiceCollection services) => services.AddDevMode(setup);

        public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapDevModeEndpoints();

        public void Dispose() => setup.Dispose();

        /// <summary><c>Notifications:Path</c> if usable; an unusable one is refused later, with the other options.</summary>
        private static string NotificationsPathOf(IConfiguration configuration) =>
            configuration[$"{NotificationOptions.Section}:{nameof(NotificationOptions.Path)}"] is { Length: > 1 } path && path.StartsWith('/')
                ? path
                : NotificationOptions.DefaultPath;
    }
#endif
}
