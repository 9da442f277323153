namespace CancelWorkflows.Domain;

/// <summary>What a person or the caller should do when a cancel is refused or failed. Fixed strings: callers may match on them.</summary>
public static class CancelAdvice
{
    /// <summary>The payment is paid and outside every cancel path: a refund returns the money (W1–W5, N2).</summary>
    public const string RefundInstead = "refund instead";

    /// <summary>N1: a refunded payment cannot be cancelled; the refund already returned (part of) the money.</summary>
    public const string AlreadyRefunded = "already refunded; check the refund instead of cancelling";

    /// <summary>W1 on an unpaid payment: nothing to refund, and Antom closes the unpaid payment itself.</summary>
    public const string WaitForExpiry = "cancel not supported for this method; the payment will expire";

    /// <summary>W3 past its window with funds not captured: there is nothing to refund; the authorisation lapses.</summary>
    public const string LetAuthorizationExpire = "do not capture; the card authorisation expires on its own";

    /// <summary>A3 U or no answer: resend the same request; after three U in a row escalate to support (A4).</summary>
    public const string ResendSameRequest = "resend the same request; escalate to support after three U in a row";

    /// <summary>Signature, key, client or request-format errors: retrying cannot help, an engineer must fix them.</summary>
    public const string CheckConfiguration = "check the Antom client id, keys and request; needs an engineer";

    /// <summary>ORDER_NOT_EXIST: Antom does not know the payment the request named.</summary>
    public const string CheckPaymentIdentifiers = "check paymentId / paymentRequestId";

    /// <summary>The method is not in the catalogue and <c>Cancel:UnknownPaymentMethod</c> is Refuse: a person decides its row.</summary>
    public const string CheckUnknownMethod = "check the method; add it to configuration";

    /// <summary>Any other F: Antom refused for a reason this product has no automatic answer for.</summary>
    public const string InspectResultCode = "inspect the result code; no automatic retry";
}
