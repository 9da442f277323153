using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Workflows.Promotions;

/// <summary>Input of <c>PromoExpiryWorkflow</c>: cancel every unpaid hold of a promotion that has ended (C6).
/// <c>Progress</c> carries the counts across continue-as-new.</summary>
public sealed record PromoExpiryRequest
{
    public required string PromoId { get; init; }

    /// <summary>How many hold cancellations run at once.</summary>
    public int MaxParallel { get; init; } = 50;

    /// <summary>Continue as new after this many holds, so the history stays small at 100,000 holds.</summary>
    public int ContinueAsNewEvery { get; init; } = 1000;

    /// <summary>Settings of each hold's CancelPaymentWorkflow.</summary>
    public CancelSettings Settings { get; init; } = new();

    public PromoProgress? Progress { get; init; }
}
