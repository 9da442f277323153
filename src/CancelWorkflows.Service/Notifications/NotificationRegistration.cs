using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Notifications;

/// <summary>The notification ingress's services: options (validated at start), the verifier, the router with its memory
/// of recorded ids, the counter.</summary>
public static class NotificationRegistration
{
    public static IServiceCollection AddNotificationIngress(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton(sp =>
        {
            var antom = sp.GetRequiredService<IOptions<AntomClientOptions>>().Value;
            var notifications = sp.GetRequiredService<IOptions<NotificationOptions>>().Value;
            return new AntomNotificationVerifier(
                AntomPublicKeyLoader.Load(antom),
                antom.ClientId,
                sp.GetRequiredService<TimeProvider>(),
                notifications.AllowedSkew,
                notifications.AllowedFutureSkew);
        });
        services.AddSingleton(sp => new RecordedNotificationIds(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.RecordedIdCacheSize));
        services.AddSingleton<NotificationRouter>();
        services.AddSingleton<NotificationIngress>();
        return services;
    }
}
