using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Outbound;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Outbound;

/// <summary>
/// The HTTP clients of outbound calls made on someone else's behalf, each on a handler that checks every address where
/// the connection is made (<see cref="OutboundConnector"/>), follows no redirect and uses no proxy:
/// callers' callbacks (public addresses; a caller with <c>CallbackHosts</c> gets a client that may also reach the private
/// network, used only for the hosts listed), the support webhook and the holds source (private network only when their
/// <c>AllowPrivateNetwork</c> setting says so). Loopback only with <c>Outbound:AllowLoopback</c> (dev mode).
/// </summary>
public static class OutboundRegistration
{
    /// <summary>The worker's outbound clients, and the start-up log line of what they may reach.</summary>
    public static IServiceCollection AddOutboundHttpClients(this IServiceCollection services)
    {
        services.AddOutboundOptions();
        Add(services, CallerActivities.HttpClientName, _ => false);
        Add(services, CallerActivities.ListedHostsHttpClientName, _ => true);
        Add(services, SupportActivities.HttpClientName, sp => sp.GetRequiredService<IOptions<SupportOptions>>().Value.AllowPrivateNetwork);
        Add(services, HoldsActivities.HttpClientName, sp => sp.GetRequiredService<IOptions<HoldsSourceOptions>>().Value.HoldsSourceAllowPrivateNetwork);
        services.AddHostedService<OutboundPolicyLog>();
        return services;
    }

    /// <summary>The api's start-time check of callback URLs, without the HTTP clients.</summary>
    public static IServiceCollection AddCallbackUrlPolicy(this IServiceCollection services)
    {
        services.AddOutboundOptions();
        services.TryAddSingleton<CallbackUrlPolicy>();
        return services;
    }

    /// <summary><c>Outbound:*</c> and <c>Api:Callers:&lt;caller&gt;:CallbackSecret</c> / <c>CallbackHosts</c>, validated at
    /// start; safe to call from more than one role.</summary>
    public static IServiceCollection AddOutboundOptions(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>());
        services.AddOptions<CallbackSigningOptions>().BindConfiguration(CallbackSigningOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CallbackSigningOptions>, CallbackSigningOptionsValidator>());
        return services;
    }

    private static void Add(IServiceCollection services, string name, Func<IServiceProvider, bool> privateNetwork) =>
        services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var outbound = sp.GetRequiredService<IOptions<OutboundOptions>>().Value;
                var connector = new OutboundConnector(new OutboundAllowance(outbound.AllowLoopback, privateNetwork(sp)));
                return OutboundHttp.CreateHandler(connector, outbound.ConnectTimeout);
            });
}
