namespace CancelWorkflows.Domain;

/// <summary>Rule ids of the refund rules (docs/rules.md, "Refunds"), so decisions cite them without typos.</summary>
public static class RefundRules
{
    /// <summary>The refund call: refundRequestId is the idempotency key; U or no answer → the same request again.</summary>
    public const string RF1 = "RF1";

    /// <summary>Full or partial; several refunds while their total stays within the payment, in its currency.</summary>
    public const string RF2 = "RF2";

    /// <summary>The refund period of the method (Antom's general year).</summary>
    public const string RF3 = "RF3";

    /// <summary>Methods without refund, or without partial refund.</summary>
    public const string RF4 = "RF4";

    /// <summary>Only a successful (for cards: captured) payment is refunded; a cancelled one is not.</summary>
    public const string RF5 = "RF5";

    /// <summary>Synchronous (S) or asynchronous (U REFUND_IN_PROCESS, the result follows) refunds.</summary>
    public const string RF6 = "RF6";
}
