using CancelWorkflows.Antom.Client;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Temporal;

/// <summary>The <see cref="CancelSettings"/> each new workflow carries (so its timing is recorded in its history).</summary>
public sealed class CancelSettingsFactory(IOptions<CancelOptions> options, TemporalWebLinks links, IOptions<AntomClientOptions> antom, IOptions<SupportOptions> support)
{
    public CancelSettings Create()
    {
        var cancel = options.Value;
        return new CancelSettings
        {
            AntomTimeout = antom.Value.Timeout,
            AntomCallMargin = cancel.AntomCallMargin,
            SupportDeliveryTimeout = support.Value.DeliveryTimeout,
            EscalationMaxPollInterval = cancel.EscalationMaxPollInterval,
            ConfirmationInquiryTimeout = cancel.ConfirmationInquiryTimeout,
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
