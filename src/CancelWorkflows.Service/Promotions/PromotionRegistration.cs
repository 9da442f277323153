using CancelWorkflows.Workflows.Promotions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Promotions;

/// <summary>Promotions in this host: the API's options (section <c>Promotions</c>, validated at start), schedule services
/// and the holds-source contract in the OpenAPI document; the holds source the worker's activity lists from.</summary>
public static class PromotionRegistration
{
    /// <summary>The api role: <c>/v1/promotions</c> and what it needs.</summary>
    public static IServiceCollection AddPromotions(this IServiceCollection services)
    {
        services.AddOptions<PromotionOptions>().BindConfiguration(PromotionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PromotionOptions>, PromotionOptionsValidator>();
        services.AddHoldsSource();
        services.AddSingleton<PromotionScheduleFactory>();
        services.AddSingleton<PromotionScheduler>();
        services.AddSingleton<PromotionViews>();
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<HoldsSourceContract>());
        return services;
    }

    /// <summary><c>Promotions:HoldsSource*</c>: the api refuses promotions without one; the worker lists holds from it.</summary>
    public static IServiceCollection AddHoldsSource(this IServiceCollection services)
    {
        services.AddOptions<HoldsSourceOptions>().BindConfiguration(HoldsSourceOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HoldsSourceOptions>, HoldsSourceOptionsValidator>());

        // The holds source's HTTP client is an outbound one (Outbound/OutboundRegistration), registered by the worker.
        return services;
    }

    /// <summary>Maps <c>/v1/promotions</c>.</summary>
    public static IEndpointRouteBuilder MapPromotions(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPromotionsApi();
        return app;
    }
}
