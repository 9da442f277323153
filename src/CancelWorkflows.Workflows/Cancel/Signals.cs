namespace CancelWorkflows.Workflows.Cancel;

/// <summary><c>ResolveEscalation</c> signal: support's resolution of an escalated cancellation.</summary>
public sealed record EscalationResolution(string Outcome, string ResolvedBy, string? Note, DateTimeOffset? ResolvedAt = null);

/// <summary><c>PaymentNotified</c> signal: an Antom notifyPayment routed to this payment.</summary>
public sealed record PaymentNotice(
    string NotifyType,
    string? ResultStatus,
    string? ResultCode,
    string? PaymentRequestId,
    string? PaymentId,
    string? Currency,
    string? Value,
    string? PaymentTime,
    string? NotificationId);

/// <summary><c>RefundNotified</c> signal: an Antom notifyRefund routed to this payment.</summary>
public sealed record RefundNotice(
    string? RefundStatus,
    string? RefundId,
    string? RefundRequestId,
    string? Currency,
    string? Value,
    string? RefundTime,
    string? NotificationId);
