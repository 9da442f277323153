namespace CancelWorkflows.Antom.Wire;

/// <summary>Body of <c>POST /ams/api/v1/payments/cancel</c>. One id is enough (A2); null members are not sent.</summary>
public sealed record CancelRequest(string? PaymentId, string? PaymentRequestId, string? MerchantAccountId = null);

/// <summary>Answer to cancel. <c>cancelTime</c> only on S (ISO 8601 with offset).</summary>
public sealed record CancelResponse(AntomResult Result, string? PaymentId, string? PaymentRequestId, string? CancelTime);
