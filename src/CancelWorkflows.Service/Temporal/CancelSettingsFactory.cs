using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Temporal;

/// <summary>The <see cref="CancelSettings"/> each new workflow carries (so its timing is recorded in its history).</summary>
public sealed class CancelSettingsFactory(IOptions<CancelOptions> options, TemporalWebLinks links)
{
    public CancelSettings Create()
    {
        var cancel = options.Value;
        return new CancelSettings
        {
            RetryDelays = [.. cancel.EffectiveRetryDelays],
            WatchWindow = cancel.WatchWindow,
            ReconciliationWatchWindow = cancel.ReconciliationWatchWindow,
            EscalationSla = cancel.EscalationSla,
            EscalationPollInterval = cancel.EscalationPollInterval,
            ReconciliationSla = cancel.ReconciliationSla,
            ReconciliationPollInterval = cancel.ReconciliationPollInterval,
            TemporalWebBaseUrl = links.BaseUrl,
        };
    }
}
