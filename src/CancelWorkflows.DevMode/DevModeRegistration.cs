using CancelWorkflows.Workflows.Promotions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CancelWorkflows.DevMode;

/// <summary>Dev mode's services and endpoints: its servers, what it keeps in the data folder, the demo holds source.</summary>
public static class DevModeRegistration
{
    /// <summary>Call before the Temporal worker is registered: hosted services start in order and stop in reverse, so the
    /// dev server is up before the worker polls and stops after it.</summary>
    public static IServiceCollection AddDevMode(this IServiceCollection services, DevModeSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        services.AddSingleton(setup);
        services.AddSingleton<DevModeServers>();
        services.AddHostedService(sp => sp.GetRequiredService<DevModeServers>());

        // Authentication brings data protection along; its key ring belongs in the data folder, not in ~/.aspnet.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(setup.DataDir, "data-protection")));

        // Promotions list the demo holds this process serves itself, unless a holds source is configured.
        services.PostConfigure<HoldsSourceOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.HoldsSourceUrl))
            {
                o.HoldsSourceUrl = setup.ApiUrl.TrimEnd('/') + DemoHoldsSource.Path;
                o.HoldsSourceToken ??= setup.DevApiKey;
            }
        });
        services.AddSingleton<DemoHoldsSource>();
        return services;
    }

    /// <summary>Maps the demo holds source (<c>/demo/holds</c>), outside the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapDevModeEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(DemoHoldsSource.Path, DemoHoldsSource.HandleAsync).ExcludeFromDescription();
        return app;
    }
}
