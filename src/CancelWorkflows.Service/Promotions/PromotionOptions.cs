using CancelWorkflows.Workflows.Promotions;

namespace CancelWorkflows.Service.Promotions;

/// <summary>
/// Configuration section <c>Promotions</c> (beside <see cref="CancelWorkflows.Workflows.Promotions.HoldsSourceOptions"/>,
/// which binds the same section): how promotion schedules are made and how wide their runs fan out.
/// </summary>
public sealed class PromotionOptions
{
    public const string Section = "Promotions";

    /// <summary>
    /// <c>Promotions:CatchupWindow</c>: how late a missed run may still start after an outage of Temporal or of every worker.
    /// A promotion that ended during an outage shorter than this is run once, when Temporal is back; after a longer one
    /// it is not run by itself (GET shows <c>missedRun</c>; trigger it by hand).
    /// </summary>
    public TimeSpan CatchupWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary><c>Promotions:MaxParallel</c>: hold cancellations in flight at once when a promotion does not say.</summary>
    public int MaxParallel { get; set; } = 50;

    /// <summary><c>Promotions:MaxParallelLimit</c>: the largest <c>maxParallel</c> a promotion may ask for (at most
    /// <see cref="ContinueAsNewEvery"/>: a run never has more holds than that in flight).</summary>
    public int MaxParallelLimit { get; set; } = 500;

    /// <summary><c>Promotions:ContinueAsNewEvery</c>: holds per run before it continues as new, at most
    /// <see cref="PromoExpiryRequest.MaxContinueAsNewEvery"/> (1,000): every child a run starts stays its pending child
    /// for the child's 25 h watch window, and Temporal refuses a run more than 2,000 pending children.</summary>
    public int ContinueAsNewEvery { get; set; } = PromoExpiryRequest.MaxContinueAsNewEvery;

    /// <summary>Every problem, each naming its setting; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (CatchupWindow < TimeSpan.FromSeconds(10) || CatchupWindow > TimeSpan.FromDays(365))
        {
            failures.Add("Promotions:CatchupWindow must be between 00:00:10 and 365.00:00:00 (default 1.00:00:00).");
        }

        if (ContinueAsNewEvery is < 1 or > PromoExpiryRequest.MaxContinueAsNewEvery)
        {
            failures.Add($"Promotions:ContinueAsNewEvery must be between 1 and {PromoExpiryRequest.MaxContinueAsNewEvery} (default " +
                $"{PromoExpiryRequest.MaxContinueAsNewEvery}): each hold's cancel stays a pending child of the run that started it for " +
                "its 25 h watch window, and Temporal refuses a run more than 2,000 pending children; half of that leaves room for " +
                "Temporal's other per-run limits.");
        }

        if (MaxParallelLimit < 1 || MaxParallelLimit > ContinueAsNewEvery)
        {
            failures.Add($"Promotions:MaxParallelLimit must be between 1 and Promotions:ContinueAsNewEvery ({ContinueAsNewEvery}; default 500): " +
                "a run never has more holds in flight than it takes up before continuing as new, so a larger maxParallel could not be honoured.");
        }

        if (MaxParallel < 1 || MaxParallel > MaxParallelLimit)
        {
            failures.Add($"Promotions:MaxParallel must be between 1 and Promotions:MaxParallelLimit ({MaxParallelLimit}; default 50).");
        }

        return failures;
    }
}
