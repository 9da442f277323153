namespace CancelWorkflows.Antom.Wire;

/// <summary>notifyPayment body (docs/antom-api.md §4). <c>notifyType</c>: PAYMENT_RESULT or PAYMENT_PENDING.</summary>
public sealed record PaymentNotification(
    string? NotifyType,
    AntomResult? Result,
    string? PaymentRequestId,
    string? PaymentId,
    AntomAmount? PaymentAmount,
    string? PaymentCreateTime,
    string? PaymentTime,
    string? PaymentMethodType);

/// <summary>notifyRefund body. <c>notifyType</c> REFUND_RESULT. The documented body names the refund only (docs/antom-api.md
/// §4); payment ids are read when present (the simulator sends them with the refund that follows a late success; whether
/// Antom does is not verified), so the notification can be routed to the payment's workflow. Without them the ingress
/// acknowledges and counts it as unroutable.</summary>
public sealed record RefundNotification(
    string? NotifyType,
    AntomResult? Result,
    string? RefundStatus,
    string? RefundRequestId,
    string? RefundId,
    AntomAmount? RefundAmount,
    string? RefundTime,
    string? PaymentRequestId,
    string? PaymentId);

public static class NotifyTypes
{
    public const string PaymentResult = "PAYMENT_RESULT";
    public const string PaymentPending = "PAYMENT_PENDING";
    public const string RefundResult = "REFUND_RESULT";
}
