using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Notifications;
using CancelWorkflows.Service.Promotions;
using CancelWorkflows.Service.ServiceDefaults;

namespace CancelWorkflows.Service.Hosting;

/// <summary>The request pipeline, role by role: what a process does not run, it does not serve (404).</summary>
public static class CancelWorkflowsPipeline
{
    /// <summary>
    /// <c>/health</c> and <c>/alive</c> for every role; the api role adds <c>/v1/cancellations*</c>, <c>/v1/promotions*</c>
    /// and <c>/openapi/v1.json</c>; the ingress role adds <c>POST &lt;Notifications:Path&gt;</c>. A worker-only process
    /// serves nothing else.
    /// </summary>
    public static WebApplication UseCancelWorkflows(this WebApplication app, ServiceMode mode)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(mode);
        ManagementPort.UseFilter(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();
        app.MapDefaultEndpoints(user => user.IsInRole(ApiRoles.Operator));
        if (mode.Runs(ServiceRoles.Api))
        {
            app.MapOpenApi();
            app.MapCancellationsApi();
            app.MapPromotions();
        }

        if (mode.Runs(ServiceRoles.Ingress))
        {
            app.MapAntomNotifications();
        }

        return app;
    }
}
