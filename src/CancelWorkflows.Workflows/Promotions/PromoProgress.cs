namespace CancelWorkflows.Workflows.Promotions;

/// <summary>How far a promo-expiry run got: the <c>Status</c> query while it runs, the summary (workflow result) at the
/// end, and the state carried across continue-as-new.</summary>
public sealed class PromoProgress
{
    public string? PromoId { get; set; }

    /// <summary>The next page to read from the holds source; null before the first and after the last page.</summary>
    public string? PageToken { get; set; }

    public bool LastPageRead { get; set; }

    public int PagesRead { get; set; }

    public int HoldsListed { get; set; }

    /// <summary>Cancellations this run started (a hold already handled by hand or by an earlier run is not started again).</summary>
    public int Started { get; set; }

    /// <summary>Holds whose <c>cancel-&lt;paymentRequestId&gt;</c> workflow already existed: never cancelled twice.</summary>
    public int AlreadyHandled { get; set; }

    public int InFlight { get; set; }

    /// <summary>Finished cancellations by outcome (Cancelled, AlreadyCancelled, NotCancellable, Rejected, Escalated, …).</summary>
    public SortedDictionary<string, int> ByOutcome { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Holds the buyer paid before the cancel: left alone (promo-expiry runs in unpaid-only mode).</summary>
    public int PaidLeftAlone { get; set; }

    public int Escalations { get; set; }

    public int LateSuccesses { get; set; }

    /// <summary>Children that failed (e.g. invalid ids from the holds source).</summary>
    public int Failed { get; set; }

    public int Runs { get; set; } = 1;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool Completed { get; set; }

    public int Finished => ByOutcome.Values.Sum() + Failed;
}
