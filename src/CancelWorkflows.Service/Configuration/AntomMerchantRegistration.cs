using CancelWorkflows.Antom.Client;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Workflows.Activities;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Several Antom merchants: <c>Antom:MerchantName</c>, <c>Antom:Fallback</c>, <c>Antom:Merchants:&lt;name&gt;:*</c>,
/// validated at start-up for what this process's roles need; in a worker, each merchant's signed client and rules.</summary>
public static class AntomMerchantRegistration
{
    /// <summary>The HttpClient of the named merchants' Antom clients (configured as the default merchant's).</summary>
    public const string HttpClientName = "antom-merchants";

    public static IServiceCollection AddAntomMerchants(this IServiceCollection services, ServiceMode mode)
    {
        services.AddOptions<AntomMerchantsOptions>().BindConfiguration(AntomClientOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AntomMerchantsOptions>>(sp => new AntomMerchantsValidator(
            mode,
            sp.GetRequiredService<IOptions<AntomClientOptions>>(),
            sp.GetRequiredService<IOptions<CancelOptions>>(),
            sp.GetRequiredService<IOptions<ApiOptions>>()));
        services.AddSingleton<AntomMerchantDirectory>();
        return services;
    }

    /// <summary>A worker's merchants, per activity scope: the default (the flat settings' <see cref="IAntomClient"/> and
    /// <see cref="CancelPolicy"/>) and each named one with its own client and its contract's windows.</summary>
    public static IServiceCollection AddWorkerAntomMerchants(this IServiceCollection services)
    {
        // As AddAntomClient configures the default merchant's: no HttpClient timeout (the client's own deadline rules), and
        // signatures and client ids stay out of HttpClient's logs. No retry handler: resends are the workflow's (A3/A4).
        services.AddHttpClient(HttpClientName, static http => http.Timeout = Timeout.InfiniteTimeSpan).RedactLoggedHeaders(static _ => true);
        services.AddSingleton(sp =>
        {
            var cancel = sp.GetRequiredService<IOptions<CancelOptions>>().Value;
            var deployment = sp.GetRequiredService<CancelPolicy>();
            return new NamedMerchants([.. sp.GetRequiredService<IOptions<AntomMerchantsOptions>>().Value.Merchants.Select(m =>
            {
                var windows = m.Value.Windows.ToWindowsWithin(deployment.Windows, $"{AntomMerchantsOptions.SectionOf(m.Key)}:Windows");
                return new NamedMerchant(m.Key, m.Value, deployment with { Windows = windows, Catalogue = PaymentMethodOverrides.BuildCatalogue(cancel.PaymentMethods, windows) });
            })]);
        });
        services.AddScoped(sp =>
        {
            var names = sp.GetRequiredService<IOptions<AntomMerchantsOptions>>().Value;
            var named = sp.GetRequiredService<NamedMerchants>().All;
            var http = sp.GetRequiredService<IHttpClientFactory>();
            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILogger<AntomClient>>();
            var others = named.Select(m => (m.Name, (Func<AntomMerchant>)(() => new AntomMerchant(
                m.Name,
                new AntomClient(http.CreateClient(HttpClientName), Options.Create(m.Options), time, logger),
                m.Policy))));
            return new AntomMerchants(new AntomMerchant(names.MerchantName, sp.GetRequiredService<IAntomClient>(), sp.GetRequiredService<CancelPolicy>()), others);
        });
        return services;
    }
}

/// <summary>A named merchant's settings and rules, built once: its options instance stays the same, so its keys load once.</summary>
internal sealed record NamedMerchant(string Name, AntomClientOptions Options, CancelPolicy Policy);

/// <summary>Every named merchant of a worker (not the default one).</summary>
internal sealed record NamedMerchants(IReadOnlyList<NamedMerchant> All);
