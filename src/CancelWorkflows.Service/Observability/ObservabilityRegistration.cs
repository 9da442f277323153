using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Observability;

/// <summary>The host's own metrics and the gauges read from Temporal, for every role (each has a Temporal client).</summary>
public static class ObservabilityRegistration
{
    public static IServiceCollection AddCancelWorkflowsObservability(this IServiceCollection services)
    {
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptions.Validator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OperationalGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationalGauges>());
        services.AddSingleton<HostMetrics>();
        return services;
    }
}
