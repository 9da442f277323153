using CancelWorkflows.Service.Configuration;

namespace CancelWorkflows.Service.Hosting;

/// <summary>
/// Decides what this process runs, before anything starts: the roles (<c>Service:Roles</c>), and dev mode or a cluster.
/// Dev mode is chosen by the Development environment (Properties/launchSettings.json sets it for <c>dotnet run</c>), never
/// by a missing setting: in Production (a published app's default) a missing <c>Temporal:Address</c> stops start-up. In
/// Development <i>with</i> a <c>Temporal:Address</c> the service is production-shaped against that server.
/// </summary>
public static class ServiceModeResolver
{
    private const string AddressSetting = $"{TemporalOptions.Section}:{nameof(TemporalOptions.Address)}";

    /// <param name="configuration">The service's configuration.</param>
    /// <param name="environment">The host's environment: only Development runs dev mode.</param>
    /// <param name="prepareDevMode"><see cref="DevModeHook.Prepare"/>: null in a build without dev mode.</param>
    /// <exception cref="StartupRefusedException">An unknown role, no Temporal address outside Development, or dev mode
    /// cannot start here (port in use, data folder in use, bad DevMode:*).</exception>
    public static ServiceMode Resolve(IConfiguration configuration, IHostEnvironment environment, Func<IConfiguration, IDevMode>? prepareDevMode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ServiceRoles roles;
        try
        {
            roles = ServiceOptions.ParseRoles(configuration[ServiceOptions.RolesSetting]);
        }
        catch (FormatException e)
        {
            throw Refused(e.Message);
        }

        if (!string.IsNullOrWhiteSpace(configuration[AddressSetting]))
        {
            return ServiceMode.ForRoles(roles);
        }

        if (!environment.IsDevelopment())
        {
            throw Refused(
                $"{AddressSetting} is not set. Outside the Development environment the service runs against a Temporal " +
                $"cluster: set {AddressSetting} (e.g. Temporal__Address=temporal.example.com:7233). Dev mode (its own Temporal " +
                "dev server and Antom simulator) runs only in the Development environment: `dotnet run --project " +
                "src/CancelWorkflows.Service` sets it (Properties/launchSettings.json), or set ASPNETCORE_ENVIRONMENT=Development. " +
                $"This process runs in the environment '{environment.EnvironmentName}'.");
        }

        if (prepareDevMode is null)
        {
            throw Refused(
                $"{AddressSetting} is not set, and this build has no dev mode (a Release publish leaves it out). Set " +
                $"{AddressSetting} to a Temporal cluster, or run dev mode from the sources: `dotnet run --project src/CancelWorkflows.Service`.");
        }

        if (roles != ServiceRoles.All)
        {
            throw Refused(
                $"{ServiceOptions.RolesSetting} is '{ServiceOptions.Describe(roles)}', but dev mode runs every role in one process. " +
                $"Unset {ServiceOptions.RolesSetting} for dev mode, or set {AddressSetting} to run these roles against a cluster.");
        }

        return ServiceMode.Dev(prepareDevMode(configuration));
    }

    private static StartupRefusedException Refused(string message) =>
        new("CancelWorkflows cannot start: " + message, ExitCodes.InvalidConfiguration);
}
