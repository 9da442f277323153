using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CancelWorkflows.AntomSimulator;

/// <summary>Registers and maps the simulator so that any ASP.NET Core host can embed it.</summary>
public static class SimulatorEndpoints
{
    /// <summary>Registers the simulator's services (one simulator per service provider).</summary>
    public static IServiceCollection AddAntomSimulator(this IServiceCollection services, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(options.NotificationTimeScale) || options.NotificationTimeScale < 0)
        {
            throw new ArgumentException("Simulator:NotificationTimeScale must be a finite number ≥ 0.", nameof(options));
        }

        if (options.DefaultClientId is { } defaultClient && ControlApi.BadClientId(defaultClient))
        {
            throw new ArgumentException("Simulator:DefaultClientId must be a client id of 1–128 characters without spaces.", nameof(options));
        }

        services.AddLogging();
        services.AddRouting();
        services.AddSingleton(options);
        services.AddSingleton<SimulatorClock>();
        services.AddSingleton<PaymentBook>();
        services.AddSingleton<SimulatorKeys>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<AntomGateway>();
        services.AddSingleton<ControlApi>();
        return services;
    }

    /// <summary>Maps Antom's paths (production and sandbox) and the control API under <c>/sim/v1</c>.</summary>
    public static IEndpointRouteBuilder MapAntomSimulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var gateway = services.GetRequiredService<AntomGateway>();
        var control = services.GetRequiredService<ControlApi>();
        var sender = services.GetRequiredService<NotificationSender>();
        _ = services.GetRequiredService<SimulatorKeys>(); // load keys and the book now: a bad key or book fails the start, not the first call
        services.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(sender.Stop);

        endpoints.MapPost("/ams/api/v1/payments/{operation}", (HttpContext context, string operation) => gateway.HandleAsync(context, operation, sandbox: false));
        endpoints.MapPost("/ams/sandbox/api/v1/payments/{operation}", (HttpContext context, string operation) => gateway.HandleAsync(context, operation, sandbox: true));

        var sim = endpoints.MapGroup("/sim/v1");
        sim.MapGet("/payments", control.ListPayments);
        sim.MapGet("/payments/{paymentRequestId}", control.GetPayment);
        sim.MapPut("/payments/{paymentRequestId}", control.PutPaymentAsync);
        sim.MapPost("/payments/{paymentRequestId}/faults", control.QueueFaultsAsync);
        sim.MapDelete("/payments/{paymentRequestId}/faults", control.ClearFaults);
        sim.MapPost("/payments/{paymentRequestId}/notifications", control.SendNotificationAsync);
        sim.MapGet("/payments/{paymentRequestId}/deliveries", control.GetDeliveries);
        sim.MapGet("/clock", control.GetClock);
        sim.MapPut("/clock", (Func<HttpContext, Task<IResult>>)control.SetClockAsync);
        sim.MapDelete("/clock", control.ResetClock);
        sim.MapGet("/merchants", control.ListMerchants);
        sim.MapPut("/merchants/{clientId}", control.PutMerchantAsync);
        sim.MapGet("/keys/antom-public.pem", control.AntomPublicKey);
        return endpoints;
    }
}
