using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Service.Configuration;
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
            // Each merchant's notifications verify with that merchant's Antom key(s) only (two during a key rotation).
            var merchants = sp.GetRequiredService<AntomMerchantDirectory>();
            var notifications = sp.GetRequiredService<IOptions<NotificationOptions>>().Value;
            return new AntomNotificationVerifier(
                merchants.Settings.ToDictionary(
                    m => m.Options.ClientId,
                    m => AntomPublicKeys.Load(m.Options, m.Section),
                    StringComparer.Ordinal),
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
