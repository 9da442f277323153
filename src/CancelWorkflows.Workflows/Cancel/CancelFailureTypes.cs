namespace CancelWorkflows.Workflows.Cancel;

/// <summary>Error types of the workflow's own failures, for callers that match on them.</summary>
public static class CancelFailureTypes
{
    /// <summary>A2 and other bad input: nothing was sent to Antom.</summary>
    public const string InvalidRequest = "InvalidRequest";

    /// <summary>Unpaid-only mode (promo expiry) and inquiryPayment could not show the payment unpaid: nothing was sent to
    /// Antom's cancel, because the buyer may have paid. Not retried by the workflow; a later promotion run may start the
    /// cancellation again (the id may be reused after a failure).</summary>
    public const string PaymentStatusUnreadable = "PaymentStatusUnreadable";
}
