using CancelWorkflows.Antom.Client;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Notifications;
using CancelWorkflows.Service.Outbound;
using CancelWorkflows.Service.Promotions;
using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Hosting;

/// <summary>The application's services: options, Antom, the cancel policy, Temporal, the API and its security.</summary>
public static class CancelWorkflowsRegistration
{
    public static IHostApplicationBuilder AddCancelWorkflows(this IHostApplicationBuilder builder, ServiceMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(mode);
        var services = builder.Services;
        services.AddSingleton(mode);

        services.AddOptions<CancelOptions>().BindConfiguration(CancelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CancelOptions>, CancelOptionsValidator>();
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();

        // Dev mode put the simulator's address and its key files into the "Antom" section, so one binding serves both modes.
        services.AddAntomClient(AntomClientOptions.SectionName);
        services.AddOutboundHttpClients();
        services.AddOptions<CallbackSigningOptions>().BindConfiguration(CallbackSigningOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CallbackSigningOptions>, CallbackSigningOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var cancel = sp.GetRequiredService<IOptions<CancelOptions>>().Value;
            var windows = cancel.Windows.ToWindows();
            var unknownMethod = cancel.TryGetUnknownPaymentMethod(out var policy)
                ? policy
                : throw new InvalidOperationException($"Cancel:UnknownPaymentMethod = '{cancel.UnknownPaymentMethod}' is not a policy.");
            return new CancelPolicy(windows, PaymentMethodOverrides.BuildCatalogue(cancel.PaymentMethods, windows), unknownMethod);
        });

        builder.AddCancelWorkflowsTemporal(mode);
        services.AddSingleton<TemporalWebLinks>();
        services.AddSingleton<CancelSettingsFactory>();
        services.AddCancellationsApi();
        services.AddNotificationIngress();
        services.AddPromotions(mode);

        services.AddProblemDetails();
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiKeySecurityScheme>();
            o.AddOperationTransformer<ApiKeySecurityScheme>();
        });
        services.AddApiSecurity();

        // Last: it waits until everything above runs, then says so.
        services.AddHostedService<ReadyAnnouncer>();
        return builder;
    }
}
