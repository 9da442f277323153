namespace CancelWorkflows.Antom.Wire;

/// <summary>Body of <c>POST /ams/api/v1/payments/inquiryRefund</c>: refundId wins if both are given.</summary>
public sealed record InquiryRefundRequest(string? RefundRequestId, string? RefundId, string? MerchantAccountId = null);

/// <summary>Answer to inquiryRefund. <c>refundStatus</c>: SUCCESS / PROCESSING / FAIL.</summary>
public sealed record InquiryRefundResponse(
    AntomResult Result,
    string? RefundId,
    string? RefundRequestId,
    AntomAmount? RefundAmount,
    string? RefundStatus,
    string? RefundTime);
