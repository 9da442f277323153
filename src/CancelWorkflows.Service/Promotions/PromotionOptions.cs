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

    /// <summary><c>Promotions:MaxParallelLimit</c>: the largest <c>maxParallel</c> a promotion may ask for.</summary>
    public int MaxParallelLimit { get; set; } = 500;

    /// <summary><c>Promotions:ContinueAsNewEvery</c>: holds per run before it continues as new (history stays small).</summary>
    public int ContinueAsNewEvery { get; set; } = 1000;

    /// <summary>Every problem, each naming its setting; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (CatchupWindow < TimeSpan.FromSeconds(10) || CatchupWindow > TimeSpan.FromDays(365))
        {
            failures.Add("Promotions:CatchupWindow must be between 00:00:10 and 365.00:00:00 (default 1.00:00:00).");
        }

        if (MaxParallelLimit is < 1 or > 5000)
        {
            failures.Add("Promotions:MaxParallelLimit must be between 1 and 5000 (default 500).");
        }

        if (MaxParallel < 1 || MaxParallel > MaxParallelLimit)
        {
            failures.Add($"Promotions:MaxParallel must be between 1 and Promotions:MaxParallelLimit ({MaxParallelLimit}; default 50).");
        }

        if (ContinueAsNewEvery is < 1 or > 10_000)
        {
            failures.Add("Promotions:ContinueAsNewEvery must be between 1 and 10000 (default 1000).");
        }

        return failures;
    }
}
