using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.DevMode;

namespace CancelWorkflows.Service.Hosting;

/// <summary>Decides the mode from configuration: <c>Temporal:Address</c> set → production, unset → dev mode (design.md).</summary>
public static class ServiceModeResolver
{
    /// <exception cref="StartupRefusedException">Dev mode cannot start here (port in use, data folder in use, bad DevMode:*).</exception>
    public static ServiceMode Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var address = configuration[$"{TemporalOptions.Section}:{nameof(TemporalOptions.Address)}"];
        return string.IsNullOrWhiteSpace(address)
            ? ServiceMode.Dev(DevModePreparation.Prepare(configuration))
            : ServiceMode.Production;
    }
}
