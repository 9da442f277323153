using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CancelWorkflows.Service.ServiceDefaults;

/// <summary>
/// Writes a health report as JSON. Anyone gets the overall status only; a request whose user may read details (an
/// authenticated operator) also gets each check with its description, so it sees which check failed and why. The
/// descriptions name addresses and carry exception text: nothing for an anonymous prober.
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Func<HttpContext, HealthReport, Task> For(Func<ClaimsPrincipal, bool> mayReadDetails) =>
        (context, report) => WriteAsync(context, report, mayReadDetails(context.User));

    public static Task WriteStatusOnlyAsync(HttpContext context, HealthReport report) => WriteAsync(context, report, details: false);

    private static Task WriteAsync(HttpContext context, HealthReport report, bool details)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        object body = details
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
