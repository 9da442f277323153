using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Promotions;

/// <summary>What the <c>/v1/promotions</c> handlers need, as one <c>[AsParameters]</c> argument (each constructor
/// parameter is a property of the same name and type, as ASP.NET requires).</summary>
public sealed class PromotionServices(
    PromotionScheduler scheduler,
    PromotionViews views,
    IOptions<PromotionOptions> promotionOptions,
    IOptions<HoldsSourceOptions> holdsSourceOptions,
    TimeProvider clock,
    AntomMerchantDirectory merchants)
{
    /// <summary>Which Antom merchant a promotion names.</summary>
    public AntomMerchantDirectory Merchants { get; } = merchants;

    public PromotionScheduler Scheduler { get; } = scheduler;

    public PromotionViews Views { get; } = views;

    public IOptions<PromotionOptions> PromotionOptions { get; } = promotionOptions;

    public IOptions<HoldsSourceOptions> HoldsSourceOptions { get; } = holdsSourceOptions;

    public TimeProvider Clock { get; } = clock;

    public PromotionOptions Options => PromotionOptions.Value;

    public HoldsSourceOptions HoldsSource => HoldsSourceOptions.Value;
}
