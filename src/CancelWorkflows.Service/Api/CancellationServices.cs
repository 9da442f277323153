using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Outbound;
using CancelWorkflows.Service.Temporal;
using Temporalio.Client;

namespace CancelWorkflows.Service.Api;

/// <summary>What the <c>/v1/cancellations</c> handlers need, as one <c>[AsParameters]</c> argument (eShop's pattern).</summary>
public sealed class CancellationServices(
    ITemporalClient temporal,
    CancellationStarter starter,
    CancelStatusReader statuses,
    CancelSettingsFactory settings,
    TemporalWebLinks links,
    ApiWaitSlots waitSlots,
    CallbackUrlPolicy callbackUrls,
    AntomMerchantDirectory merchants)
{
    public ITemporalClient Temporal { get; } = temporal;

    public CancellationStarter Starter { get; } = starter;

    public CancelStatusReader Statuses { get; } = statuses;

    public CancelSettingsFactory Settings { get; } = settings;

    public TemporalWebLinks Links { get; } = links;

    public ApiWaitSlots WaitSlots { get; } = waitSlots;

    /// <summary>The outbound policy's start-time check of <c>callbackUrl</c>.</summary>
    public CallbackUrlPolicy CallbackUrls { get; } = callbackUrls;

    /// <summary>Which Antom merchant and fallback a start means.</summary>
    public AntomMerchantDirectory Merchants { get; } = merchants;
}
