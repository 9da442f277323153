using Microsoft.AspNetCore.DataProtection;

namespace CancelWorkflows.Service.DevMode;

/// <summary>Dev mode's services: its servers (as a hosted service) and everything it keeps in the data folder.</summary>
public static class DevModeRegistration
{
    /// <summary>Call before the Temporal worker is registered: hosted services start in order and stop in reverse.</summary>
    public static IServiceCollection AddDevModeServers(this IServiceCollection services, DevModeSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        services.AddSingleton(setup);
        services.AddSingleton<DevModeServers>();
        services.AddHostedService(sp => sp.GetRequiredService<DevModeServers>());

        // Authentication brings data protection along; its key ring belongs in the data folder, not in ~/.aspnet.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(setup.DataDir, "data-protection")));
        return services;
    }
}
