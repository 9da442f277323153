using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>What inquiryPayment told us about a payment, flattened for history and the Status query.</summary>
public sealed record PaymentSnapshot(
    string? PaymentRequestId,
    string? PaymentId,
    string? Status,
    string? MethodType,
    string? Currency,
    string? Value,
    DateTimeOffset? CreateTime,
    DateTimeOffset? PaymentTime,
    bool Captured,
    bool Refunded);

public sealed record EligibilityInput(string? PaymentRequestId, string? PaymentId, CancelMode Mode, string? AntomMerchant = null);

/// <summary>The eligibility step's answer. <c>Decision</c> is null when Antom answered the inquiry with F
/// (<c>InquiryResultCode</c> says why; <c>ConfigurationError</c> when an engineer must act).</summary>
public sealed record EligibilityResult(
    EligibilityDecision? Decision,
    PaymentSnapshot? Payment,
    string? InquiryResultStatus,
    string? InquiryResultCode,
    bool ConfigurationError,
    bool MethodKnown);

public sealed record CancelCallInput(string? PaymentRequestId, string? PaymentId, int Attempt, string? AntomMerchant = null);

/// <summary>One cancel call's result. No answer (timeout, 5xx, dropped, unverifiable) is classified Unknown (A3).</summary>
public sealed record CancelCallResult(CancelAnswerClassification Classification, string? CancelTime, string? NoAnswer, string? Detail, long ElapsedMs);

/// <summary><c>RetryUntilStatusKnown</c>: no answer, U, or a paymentStatus we do not know is a retryable failure instead of
/// a result, so Temporal retries the inquiry (within the caller's schedule-to-close) until Antom shows a status.</summary>
public sealed record InquiryInput(string? PaymentRequestId, string? PaymentId, bool RetryUntilStatusKnown = false, string? AntomMerchant = null);

public sealed record InquiryResult(bool Answered, PaymentSnapshot? Payment, string? ResultStatus, string? ResultCode, string? NoAnswer);

/// <summary>Everything support needs to act on an escalated cancellation (A4); with <c>RefundFallback</c>, the refund made
/// instead of the cancel (its refundRequestId, amount, attempts and state).</summary>
public sealed record EscalationNotice(
    string WorkflowId,
    string? RunId,
    string? PaymentRequestId,
    string? PaymentId,
    string? BookingRef,
    string? Merchant,
    string Reason,
    int NoticeNumber,
    IReadOnlyList<CancelAttempt> Attempts,
    InquiryResult? LastInquiry,
    string? TemporalWebUrl,
    DateTimeOffset EscalatedAt,
    RefundFallbackState? RefundFallback = null);

public sealed record EscalationReceipt(bool Delivered, string? CaseId, string Detail);

public sealed record RefundCheckInput(string? PaymentRequestId, string? PaymentId, string? RefundId, string? AntomMerchant = null);

/// <summary>What Antom says about the refund owed after a late success: the payment's status (C4: it must stay
/// CANCELLED) and, when one exists, the refund and its status.</summary>
public sealed record RefundCheckResult(bool Answered, string? PaymentStatus, bool RefundConfirmed, string? RefundId, string? RefundStatus, string Detail);

/// <summary>What the booking service is told at its callback URL. <c>RequestedBy</c> (the calling service) selects the
/// secret that signs it; when null the activity reads it from the workflow's memo.</summary>
public sealed record CallerNotice(
    string Event,
    string WorkflowId,
    string? PaymentRequestId,
    string? PaymentId,
    string? BookingRef,
    string? Outcome,
    string? RefundState,
    string? RefundCurrency,
    string? RefundValue,
    string? TemporalWebUrl,
    DateTimeOffset Time,
    string? RequestedBy = null,
    string? RefundFallbackState = null,
    string? RefundRequestId = null);

/// <summary>One refund call of the refund fallback (RF1): always the same refundRequestId and the payment's full amount.</summary>
public sealed record RefundCallInput(
    string RefundRequestId, string PaymentId, string Currency, string Value, string? PaymentMethod, int Attempt, string? PaymentRequestId, string? AntomMerchant = null);

/// <summary>One refund call's result. <c>Sent</c> is false when nothing went to Antom: the catalogue's refund column says the
/// method does not refund (RF4), or the request does not have Antom's shape. No answer is classified Unknown (RF1).</summary>
public sealed record RefundCallResult(
    RefundAnswerClassification Classification, bool Sent, string? RefundId, string? RefundTime, string? NoAnswer, string? Detail);

public sealed record RefundInquiryInput(string RefundRequestId, string? RefundId, string? PaymentRequestId, string? AntomMerchant = null);

/// <summary>What inquiryRefund showed: <c>RefundStatus</c> SUCCESS, PROCESSING or FAIL when Antom answered S; else null and
/// <c>Detail</c> says why.</summary>
public sealed record RefundInquiryResult(string? RefundStatus, string? RefundId, string? RefundTime, string Detail);
