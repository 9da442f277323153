namespace CancelWorkflows.Antom.Wire;

/// <summary>Body of <c>POST /ams/api/v1/payments/inquiryPayment</c>.</summary>
public sealed record InquiryPaymentRequest(string? PaymentId, string? PaymentRequestId, string? MerchantAccountId = null);

/// <summary>Answer to inquiryPayment. <c>result</c> only says whether the inquiry worked; the payment's state is
/// <c>paymentStatus</c>. Captures and refunds appear in <c>transactions</c>.</summary>
public sealed record InquiryPaymentResponse(
    AntomResult Result,
    string? PaymentStatus,
    string? PaymentResultCode,
    string? PaymentResultMessage,
    string? PaymentRequestId,
    string? PaymentId,
    AntomAmount? PaymentAmount,
    string? PaymentCreateTime,
    string? PaymentTime,
    string? PaymentMethodType,
    IReadOnlyList<AntomTransaction>? Transactions);

/// <summary>A capture or refund under a payment (<c>transactionType</c> CAPTURE / REFUND / CANCEL).</summary>
public sealed record AntomTransaction(
    string? TransactionType,
    string? TransactionStatus,
    string? TransactionId,
    string? TransactionRequestId,
    AntomAmount? TransactionAmount,
    string? TransactionTime);
