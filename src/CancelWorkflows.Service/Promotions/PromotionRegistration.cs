using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Promotions;

/// <summary>Promotions in this host: options (section <c>Promotions</c>, validated at start), the schedule services, the
/// API, the holds-source contract in the OpenAPI document, and dev mode's demo source (the holds source's HTTP client is an
/// outbound one: Outbound/OutboundRegistration).</summary>
public static class PromotionRegistration
{
    public static IServiceCollection AddPromotions(this IServiceCollection services, ServiceMode mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        services.AddOptions<PromotionOptions>().BindConfiguration(PromotionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PromotionOptions>, PromotionOptionsValidator>();
        services.AddOptions<HoldsSourceOptions>().BindConfiguration(HoldsSourceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HoldsSourceOptions>, HoldsSourceOptionsValidator>();
        if (mode.DevMode is { } dev)
        {
            // Dev mode lists the demo holds it serves itself, unless a holds source is configured.
            services.PostConfigure<HoldsSourceOptions>(o =>
            {
                if (string.IsNullOrWhiteSpace(o.HoldsSourceUrl))
                {
                    o.HoldsSourceUrl = dev.ApiUrl.TrimEnd('/') + DemoHoldsSource.Path;
                    o.HoldsSourceToken ??= dev.DevApiKey;
                }
            });
            services.AddSingleton<DemoHoldsSource>();
        }

        services.AddSingleton<PromotionScheduleFactory>();
        services.AddSingleton<PromotionScheduler>();
        services.AddSingleton<PromotionViews>();
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<HoldsSourceContract>());
        return services;
    }

    /// <summary>Maps <c>/v1/promotions</c> and, in dev mode, the demo holds source.</summary>
    public static IEndpointRouteBuilder MapPromotions(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPromotionsApi();
        if (app.ServiceProvider.GetService<DemoHoldsSource>() is not null)
        {
            app.MapGet(DemoHoldsSource.Path, DemoHoldsSource.HandleAsync).ExcludeFromDescription();
        }

        return app;
    }
}
