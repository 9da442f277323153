namespace CancelWorkflows.Domain;

/// <summary>What to do after a refund answer. Fixed strings: callers may match on them.</summary>
public static class RefundAdvice
{
    /// <summary>U or no answer: the outcome is unknown; the same refundRequestId never refunds twice (RF1).</summary>
    public const string ResendSameRequest = "resend the same request with the same refundRequestId";

    /// <summary>U REFUND_IN_PROCESS: wait for notifyRefund, or ask inquiryRefund with the refundRequestId (RF6).</summary>
    public const string AwaitResult = "refund accepted; wait for notifyRefund or ask inquiryRefund with the refundRequestId";

    /// <summary>Nothing Antom can refund: a person returns the money another way (bank transfer, voucher) or decides.</summary>
    public const string RefundOutsideAntom = "Antom will not refund this payment; return the money another way";

    /// <summary>The request asked for more than is left, or in another currency: check what was already refunded.</summary>
    public const string CheckAmount = "check the amount and currency against what is left to refund (inquiryPayment)";

    /// <summary>The payment is not in a refundable state: check it before trying again with a new refundRequestId.</summary>
    public const string CheckPayment = "check the payment (inquiryPayment): a cancelled payment is refunded by the cancel";

    /// <summary>A person must top up the merchant's Antom balance, then refund with a new refundRequestId.</summary>
    public const string TopUpBalance = "top up the merchant balance at Antom, then refund with a new refundRequestId";

    /// <summary>Signature, key, client or request errors: retrying cannot help, an engineer must fix them.</summary>
    public const string CheckConfiguration = "check the Antom client id, keys and request; needs an engineer";

    /// <summary>Any other F: no automatic answer.</summary>
    public const string InspectResultCode = "inspect the result code; no automatic retry";
}
