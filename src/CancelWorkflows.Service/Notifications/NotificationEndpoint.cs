using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Notifications;

/// <summary><c>POST /v1/antom/notifications</c> (<c>Notifications:Path</c>): Antom's own signature, no API key.</summary>
public static class NotificationEndpoint
{
    public static RouteHandlerBuilder MapAntomNotifications(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapPost(PathOf(app.ServiceProvider), (HttpContext context, NotificationIngress ingress) => ingress.HandleAsync(context))
            .WithTags("Antom notifications")
            .WithName("ReceiveAntomNotification")
            .WithSummary("Antom's notifyPayment / notifyRefund, signed by Antom")
            .WithDescription(
                "Verified over the raw body with Antom's public key, then signalled to the payment's cancel workflow (or its " +
                "reconciliation once that closed); one a workflow already recorded (a re-send, a replay) is not signalled again. " +
                "200 with Antom's exact acknowledgement only after Temporal recorded it; " +
                "503 with a failure body when Temporal did not, so Antom sends it again. 400/401/413 for bad input.")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status503ServiceUnavailable, contentType: "application/json");
    }

    private static string PathOf(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IOptions<NotificationOptions>>().Value.Path;
        }
        catch (OptionsValidationException)
        {
            // Start-up refuses these options with a message naming the setting; until then, map the default.
            return NotificationOptions.DefaultPath;
        }
    }
}
