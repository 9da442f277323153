namespace CancelWorkflows.Antom.Wire;

/// <summary>
/// Body of <c>POST /ams/api/v1/payments/refund</c> (docs/antom-api.md §3). <c>refundRequestId</c> is the idempotency key: the same
/// id with a final result gets that result again, never a second refund; on U or no answer the same request goes again.
/// <c>paymentId</c> is Antom's id of the SUCCESS payment (not paymentRequestId). Null members are not sent.
/// </summary>
/// <param name="RefundRequestId">The merchant's id of this refund, at most 64 characters.</param>
/// <param name="PaymentId">Antom's id of the payment to refund, at most 64 characters.</param>
/// <param name="RefundAmount">What to refund, in the payment's currency, minor units as digits; at most what is left.</param>
/// <param name="RefundReason">Shown to the buyer and the method, at most 256 characters.</param>
/// <param name="ReferenceRefundId">The merchant's own reference, at most 64 characters.</param>
/// <param name="RefundNotifyUrl">Where notifyRefund goes (wins over the Dashboard's URL), at most 1024 characters.</param>
public sealed record RefundRequest(
    string RefundRequestId,
    string PaymentId,
    AntomAmount RefundAmount,
    string? RefundReason = null,
    string? ReferenceRefundId = null,
    string? RefundNotifyUrl = null);

/// <summary>Answer to refund. The refund's fields come with S; U REFUND_IN_PROCESS means accepted, result to follow.</summary>
public sealed record RefundResponse(
    AntomResult Result,
    string? RefundRequestId,
    string? RefundId,
    string? PaymentId,
    AntomAmount? RefundAmount,
    string? RefundTime);
