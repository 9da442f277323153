namespace CancelWorkflows.Workflows.Cancel;

/// <summary><c>ResolveEscalation</c> signal: support's resolution of an escalated cancellation.</summary>
public sealed record EscalationResolution(string Outcome, string ResolvedBy, string? Note, DateTimeOffset? ResolvedAt = null);

/// <summary><c>PaymentNotified</c> signal: an Antom notifyPayment routed to this payment. <c>AntomMerchant</c>: the merchant
/// whose key verified it (null from an ingress before several merchants).</summary>
public sealed record PaymentNotice(
    string NotifyType,
    string? ResultStatus,
    string? ResultCode,
    string? PaymentRequestId,
    string? PaymentId,
    string? Currency,
    string? Value,
    string? PaymentTime,
    string? NotificationId,
    string? AntomMerchant = null);

/// <summary><c>RefundNotified</c> signal: an Antom notifyRefund routed to this payment (<c>AntomMerchant</c> as above).</summary>
public sealed record RefundNotice(
    string? RefundStatus,
    string? RefundId,
    string? RefundRequestId,
    string? Currency,
    string? Value,
    string? RefundTime,
    string? NotificationId,
    string? AntomMerchant = null);
