using CancelWorkflows.Antom.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IAntomClient"/> as a typed HttpClient with validated options.</summary>
public static class AntomClientServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AntomClientOptions"/> to the configuration section (default <c>Antom</c>), validates it (data
    /// annotations, and the keys are present and loadable — messages name the setting, e.g.
    /// <c>Antom:MerchantPrivateKeyPath</c>) at start-up, and registers <see cref="IAntomClient"/> via AddHttpClient.
    /// </summary>
    /// <remarks>Add no retry/resilience handler to the returned builder: resends are the workflow's decision (A3/A4).</remarks>
    public static IHttpClientBuilder AddAntomClient(this IServiceCollection services, string configSectionPath = AntomClientOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configSectionPath);
        services.AddOptions<AntomClientOptions>().BindConfiguration(configSectionPath);
        return AddCore(services, configSectionPath);
    }

    /// <summary>As <see cref="AddAntomClient(IServiceCollection, string)"/>, with options set in code (dev mode, tests).</summary>
    public static IHttpClientBuilder AddAntomClient(this IServiceCollection services, Action<AntomClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AntomClientOptions>().Configure(configure);
        return AddCore(services, AntomClientOptions.SectionName);
    }

    /// <summary>
    /// For a process that verifies Antom's notifications but never calls Antom: binds <see cref="AntomClientOptions"/> to
    /// the section and validates at start-up only what verifying needs, <c>Antom:ClientId</c> and Antom's public key. No
    /// <see cref="IAntomClient"/> is registered, and the merchant private key is neither needed nor read.
    /// </summary>
    public static OptionsBuilder<AntomClientOptions> AddAntomNotificationKeys(this IServiceCollection services, string configSectionPath = AntomClientOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configSectionPath);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AntomClientOptions>>(new AntomNotificationKeysValidator(configSectionPath)));
        return services.AddOptions<AntomClientOptions>().BindConfiguration(configSectionPath).ValidateOnStart();
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string section)
    {
        services.AddOptions<AntomClientOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AntomClientOptions>>(new AntomClientOptionsValidator(section)));
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddHttpClient<IAntomClient, AntomClient>(static http => http.Timeout = Timeout.InfiniteTimeSpan) // our deadline rules
            .RedactLoggedHeaders(static _ => true); // signatures and client ids stay out of HttpClient's own logs
    }
}
