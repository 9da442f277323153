using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.DevMode;
using CancelWorkflows.Workflows;

namespace CancelWorkflows.Service.Hosting;

/// <summary>The text printed when the service is ready: in dev mode, every URL a developer needs.</summary>
public static class ReadyBanner
{
    public const string ReadyLine = "CancelWorkflows ready";

    public static string Format(ServiceMode mode, IEnumerable<string> apiAddresses, TemporalOptions temporal)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(temporal);
        List<string> lines = [string.Empty];
        if (mode.DevMode is { } dev)
        {
            lines.Add("CancelWorkflows dev mode");
            lines.Add($"  API              {dev.ApiUrl}  (OpenAPI {dev.ApiUrl}/openapi/v1.json, health {dev.ApiUrl}/health)");
            lines.Add($"  Temporal Web     {dev.TemporalWebUrl}");
            lines.Add($"  Temporal gRPC    {dev.TemporalAddress}  (namespace {temporal.Namespace}, task queue {TemporalNames.TaskQueue})");
            lines.Add($"  Antom simulator  {dev.SimulatorUrl}  (merchant {DevModeSetup.MerchantClientId}, control API {dev.SimulatorUrl}/sim/v1/)");
            lines.Add($"  Data folder      {dev.DataDir}");
            lines.Add($"  Dev API key      {dev.Keys.DevApiKey}  (Authorization: Bearer $(cat {dev.Keys.DevApiKey}))");
            lines.Add("  Outbound calls   loopback allowed (dev mode only: callbacks, support webhook, holds source may reach this machine); private networks refused");
            if (dev.StoppedStaleServers.Count > 0)
            {
                lines.Add($"  (stopped a Temporal dev server left running by a killed dev mode: pid {string.Join(", ", dev.StoppedStaleServers)})");
            }
        }
        else
        {
            lines.Add($"  API              {string.Join(", ", apiAddresses)}");
            lines.Add($"  Temporal         {temporal.Address}  (namespace {temporal.Namespace}, task queue {TemporalNames.TaskQueue})");
        }

        lines.Add(ReadyLine);
        return string.Join(Environment.NewLine, lines);
    }
}
