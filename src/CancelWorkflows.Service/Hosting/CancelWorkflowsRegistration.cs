using System.Globalization;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Notifications;
using CancelWorkflows.Service.Observability;
using CancelWorkflows.Service.Outbound;
using CancelWorkflows.Service.Promotions;
using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Hosting;

/// <summary>
/// The application's services, role by role (<see cref="ServiceMode.Roles"/>): each role registers, and so validates at
/// start, only what it uses. An api or ingress process needs no merchant private key; a worker needs no API keys.
/// </summary>
public static class CancelWorkflowsRegistration
{
    public static IHostApplicationBuilder AddCancelWorkflows(this IHostApplicationBuilder builder, ServiceMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(mode);
        var services = builder.Services;
        services.AddSingleton(mode);
        services.AddServiceLifetime(mode);

        // Every role: Cancel:* (the api and the ingress start workflows with them, the worker decides by them), Temporal.
        services.AddOptions<CancelOptions>().BindConfiguration(CancelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CancelOptions>, CancelOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        builder.AddCancelWorkflowsTemporal(mode);
        services.AddCancelWorkflowsObservability();

        // Every role: what outbound calls may reach (Outbound:*) and each caller's callback settings, which the api checks
        // callbackUrl against at start and the worker's callbacks obey.
        services.AddOutboundOptions();
        services.AddSingleton<TemporalWebLinks>();
        services.AddSingleton<CancelSettingsFactory>();

        // Every role authenticates (a caller's key, an operator looking at /health); only the api requires a key to exist.
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddApiSecurity();
        services.AddProblemDetails();
        services.AddAntomMerchants(mode);

        if (mode.Runs(ServiceRoles.Api))
        {
            services.AddCancellationsApi();
            services.AddCallbackUrlPolicy();
            services.AddPromotions();
            services.AddOpenApi(o =>
            {
                o.AddDocumentTransformer<ApiKeySecurityScheme>();
                o.AddOperationTransformer<ApiKeySecurityScheme>();
            });
        }

        if (mode.Runs(ServiceRoles.Ingress))
        {
            // Verifying Antom's notifications takes the client id and Antom's public key; the worker's Antom client
            // checks those too, so only an ingress without a worker checks them on its own.
            if (!mode.Runs(ServiceRoles.Worker))
            {
                services.AddAntomNotificationKeys(AntomClientOptions.SectionName);
            }

            services.AddNotificationIngress();
        }

        if (mode.Runs(ServiceRoles.Worker))
        {
            services.AddWorkerActivityServices();
        }

        // Last: it waits until everything above runs, then says so.
        services.AddHostedService<ReadyAnnouncer>();
        return builder;
    }

    /// <summary><c>Service:*</c>, and in a worker a host stop timeout longer than the worker's grace (the api and the
    /// ingress keep ASP.NET's 30 s for requests in progress).</summary>
    private static void AddServiceLifetime(this IServiceCollection services, ServiceMode mode)
    {
        services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptions.Validator>();
        if (!mode.Runs(ServiceRoles.Worker))
        {
            return;
        }

        // Read from configuration, not from the validated options: the host takes its options while it is built, before
        // start-up validation can refuse a bad grace with a message naming it.
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
        {
            var configured = configuration[ServiceOptions.ShutdownGraceSetting];
            var grace = string.IsNullOrWhiteSpace(configured) ? new ServiceOptions().ShutdownGrace
                : TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : TimeSpan.Zero;
            if (grace >= TimeSpan.Zero && grace <= ServiceOptions.MaxShutdownGrace)
            {
                host.ShutdownTimeout = TimeSpan.FromTicks(Math.Max(host.ShutdownTimeout.Ticks, (grace + ServiceOptions.HostStopMargin).Ticks));
            }
        });
    }

    /// <summary>What the worker's activities use: the Antom client (merchant private key), the cancel policy, support and
    /// caller callbacks, the holds source.</summary>
    private static void AddWorkerActivityServices(this IServiceCollection services)
    {
        // Dev mode put the simulator's address and its key files into the "Antom" section, so one binding serves both modes.
        services.AddAntomClient(AntomClientOptions.SectionName);
        services.AddSingleton(sp =>
        {
            var cancel = sp.GetRequiredService<IOptions<CancelOptions>>().Value;
            var windows = cancel.Windows.ToWindows();
            var unknownMethod = cancel.TryGetUnknownPaymentMethod(out var policy)
                ? policy
                : throw new InvalidOperationException($"Cancel:UnknownPaymentMethod = '{cancel.UnknownPaymentMethod}' is not a policy.");
            return new CancelPolicy(windows, PaymentMethodOverrides.BuildCatalogue(cancel.PaymentMethods, windows), unknownMethod);
        });
        services.AddWorkerAntomMerchants();
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>();
        services.AddHoldsSource();

        // Callbacks, the support webhook and the holds source: only through the outbound policy's clients.
        services.AddOutboundHttpClients();
    }
}
