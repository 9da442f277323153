using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Workflows;

namespace CancelWorkflows.Service.Hosting;

/// <summary>The text printed when the service is ready: in dev mode, every URL a developer needs.</summary>
public static class ReadyBanner
{
    public const string ReadyLine = "CancelWorkflows ready";

    /// <param name="mode">Roles and dev mode.</param>
    /// <param name="apiAddresses">Where Kestrel listens.</param>
    /// <param name="temporal">The Temporal settings.</param>
    /// <param name="development">The host runs in the Development environment.</param>
    public static string Format(ServiceMode mode, IEnumerable<string> apiAddresses, TemporalOptions temporal, bool development = false)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(temporal);
        List<string> lines = [string.Empty];
        if (mode.DevMode is { } dev)
        {
            lines.Add("CancelWorkflows dev mode");
            lines.Add($"  API              {dev.ApiUrl}  (OpenAPI {dev.ApiUrl}/openapi/v1.json, health {dev.ApiUrl}/health)");
            lines.Add($"  Temporal Web     {dev.TemporalWebUrl}");
            lines.Add(dev.DashboardUrl is { } dashboard
                ? $"  Dashboard        {dashboard}  (Aspire: traces, metrics, logs of this service)"
                : $"  Dashboard        unavailable: {dev.DashboardUnavailable}");
            lines.Add($"  Temporal gRPC    {dev.TemporalAddress}  (namespace {temporal.Namespace}, task queue {TemporalNames.TaskQueue})");
            lines.Add($"  Antom simulator  {dev.SimulatorUrl}  (control API {dev.SimulatorUrl}/sim/v1/)");
            lines.Add($"  Merchants        {string.Join(", ", dev.Merchants.Select(m => $"{m.Name} {m.ClientId}"))}  (each trusted by the simulator; a start picks one with \"antomMerchant\")");
            lines.Add($"  Data folder      {dev.DataDir}");
            lines.Add($"  Dev API key      {dev.DevApiKeyPath}  (Authorization: Bearer $(cat {dev.DevApiKeyPath}))");
            lines.Add("  Outbound calls   loopback allowed (dev mode only: callbacks, support webhook, holds source may reach this machine); private networks refused");
            if (dev.StoppedStaleServers.Count > 0)
            {
                lines.Add($"  (stopped a Temporal dev server left running by a killed dev mode: pid {string.Join(", ", dev.StoppedStaleServers)})");
            }
        }
        else
        {
            lines.Add($"  Roles            {ServiceOptions.Describe(mode.Roles)}  ({Serves(mode)})");
            lines.Add($"  Listening        {string.Join(", ", apiAddresses)}");
            lines.Add($"  Temporal         {temporal.Address}  (namespace {temporal.Namespace}, task queue {TemporalNames.TaskQueue})");
            if (development)
            {
                lines.Add("  Development environment with Temporal:Address: production-shaped against that server, no dev mode");
            }
        }

        lines.Add(ReadyLine);
        return string.Join(Environment.NewLine, lines);
    }

    private static string Serves(ServiceMode mode) => string.Join(", ", new[]
    {
        mode.Runs(ServiceRoles.Api) ? "/v1/cancellations, /v1/promotions, /openapi/v1.json" : null,
        mode.Runs(ServiceRoles.Ingress) ? "Antom notifications" : null,
        mode.Runs(ServiceRoles.Worker) ? $"worker on {TemporalNames.TaskQueue}" : null,
        "/health, /alive",
    }.Where(s => s is not null));
}
