using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Outbound;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Outbound;

/// <summary>Says at start what outbound calls may reach, so an operator sees a widened policy (loopback, private networks)
/// in the log rather than finding it in an incident.</summary>
public sealed class OutboundPolicyLog(
    IOptions<OutboundOptions> outbound,
    IOptions<SupportOptions> support,
    IOptions<HoldsSourceOptions> holds,
    IOptions<CallbackSigningOptions> callers,
    ILogger<OutboundPolicyLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var listed = callers.Value.Callers.Where(c => c.Value.CallbackHosts.Count > 0).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        var level = outbound.Value.AllowLoopback ? LogLevel.Warning : LogLevel.Information;
        logger.Log(
            level,
            "Outbound calls: loopback {Loopback}; callbacks to public addresses{Listed}; support webhook {Support}; holds source {Holds}; link-local, cloud metadata, multicast and reserved addresses always refused",
            outbound.Value.AllowLoopback ? "ALLOWED (Outbound:AllowLoopback: dev mode and tests only)" : "refused",
            listed.Count == 0 ? string.Empty : $" (callers {string.Join(", ", listed)}: only their CallbackHosts, private network allowed)",
            support.Value.AllowPrivateNetwork ? "public and private network" : "public only",
            holds.Value.HoldsSourceAllowPrivateNetwork ? "public and private network" : "public only");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
