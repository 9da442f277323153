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

    /// <summary>Holds whose <c>cancel-&lt;paymentRequestId&gt;</c> workflow already existed (cancelled, left alone, or still
    /// running): never cancelled twice.</summary>
    public int AlreadyHandled { get; set; }

    public int InFlight { get; set; }

    /// <summary>Holds the current workflow run (since its last continue-as-new) has taken up: child starts it made, a
    /// refused one (already handled) included. It continues as new when this reaches <c>ContinueAsNewEvery</c>.</summary>
    public int StartedThisRun { get; set; }

    /// <summary>Holds the current workflow run took over, not yet started, from the run before it (the rest of a page).</summary>
    public int CarriedHolds { get; set; }

    /// <summary>Holds listed and not yet started (the rest of the page being worked on).</summary>
    public int WaitingHolds { get; set; }

    /// <summary>Finished cancellations by outcome (Cancelled, AlreadyCancelled, NotCancellable, Rejected, Escalated, …).</summary>
    public SortedDictionary<string, int> ByOutcome { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Holds the buyer paid before the cancel, or whose payment is pending (paid, result awaited): left alone
    /// (promo-expiry runs in unpaid-only mode).</summary>
    public int PaidLeftAlone { get; set; }

    /// <summary>Holds whose payment status could not be read: nothing was cancelled, their cancel workflow failed, and a
    /// later trigger of the promotion tries them again.</summary>
    public int StatusUnreadable { get; set; }

    public int Escalations { get; set; }

    public int LateSuccesses { get; set; }

    /// <summary>Children that failed (e.g. invalid ids from the holds source).</summary>
    public int Failed { get; set; }

    public int Runs { get; set; } = 1;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool Completed { get; set; }

    public int Finished => ByOutcome.Values.Sum() + StatusUnreadable + Failed;
}
