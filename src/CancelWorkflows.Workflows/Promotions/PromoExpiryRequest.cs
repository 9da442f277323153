using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Workflows.Promotions;

/// <summary>Input of <c>PromoExpiryWorkflow</c>: cancel every unpaid hold of a promotion that has ended (C6).
/// <c>Progress</c> and <c>CarriedHolds</c> carry the run's state across continue-as-new.</summary>
public sealed record PromoExpiryRequest
{
    /// <summary>
    /// The most holds one run takes up before it continues as new. Every child a run starts stays a pending child of
    /// that run until it closes (its 25 h watch window; parent-close policy Abandon), and Temporal refuses to start more
    /// than 2,000 pending children per run (<c>limit.numPendingChildExecutions.error</c>): half of that leaves room for the
    /// other per-run limits and for a server configured lower. A larger request is run with this value.
    /// </summary>
    public const int MaxContinueAsNewEvery = 1000;

    public required string PromoId { get; init; }

    /// <summary>How many hold cancellations run at once.</summary>
    public int MaxParallel { get; init; } = 50;

    /// <summary>Continue as new after this many holds (at most <see cref="MaxContinueAsNewEvery"/>), so a run stays far
    /// below Temporal's pending-children limit and its history stays small at 100,000 holds.</summary>
    public int ContinueAsNewEvery { get; init; } = MaxContinueAsNewEvery;

    /// <summary>The Antom merchant each hold is cancelled as (its configured name); null: the default merchant.</summary>
    public string? AntomMerchant { get; init; }

    /// <summary>Settings of each hold's CancelPaymentWorkflow.</summary>
    public CancelSettings Settings { get; init; } = new();

    public PromoProgress? Progress { get; init; }

    /// <summary>Holds of the page being worked on that the previous run listed but did not start (it had reached
    /// <see cref="ContinueAsNewEvery"/>): this run starts them before reading the next page. At most one page.</summary>
    public IReadOnlyList<UnpaidHold>? CarriedHolds { get; init; }
}
