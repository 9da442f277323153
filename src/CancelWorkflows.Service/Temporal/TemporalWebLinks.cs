using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Temporal;

/// <summary>Links into Temporal Web: dev mode's own UI, else <c>Cancel:TemporalWebBaseUrl</c>, else none.</summary>
public sealed class TemporalWebLinks(ServiceMode mode, IOptions<CancelOptions> cancel, IOptions<TemporalOptions> temporal)
{
    public string? BaseUrl { get; } = mode.DevMode?.TemporalWebUrl
        ?? (string.IsNullOrWhiteSpace(cancel.Value.TemporalWebBaseUrl) ? null : cancel.Value.TemporalWebBaseUrl.TrimEnd('/'));

    /// <summary>Same shape as the link the workflow writes into its Status.</summary>
    public string? ForWorkflow(string workflowId, string runId) =>
        BaseUrl is null
            ? null
            : $"{BaseUrl}/namespaces/{Uri.EscapeDataString(temporal.Value.Namespace)}/workflows/{Uri.EscapeDataString(workflowId)}/{Uri.EscapeDataString(runId)}/history";
}
