using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Antom.Client;

/// <summary>
/// One signed call to Antom per method: no retries here (the workflow owns retries, A3/A4), never a thrown exception
/// for a missing or unusable answer. The result is either Antom's verified answer — passed through as it came,
/// whatever its <c>resultStatus</c> — or <see cref="NoAnswerReason"/>, which the caller treats as <c>U</c>
/// ("no response → resend the same request", docs/antom-api.md §1).
/// </summary>
/// <remarks>Throws <see cref="OperationCanceledException"/> only when the caller's token is cancelled.</remarks>
public interface IAntomClient
{
    /// <summary><c>POST /ams/api/v1/payments/cancel</c> (sandbox path for <c>SANDBOX_</c> client ids).</summary>
    Task<AntomCall<CancelResponse>> CancelAsync(CancelRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /ams/api/v1/payments/inquiryPayment</c>.</summary>
    Task<AntomCall<InquiryPaymentResponse>> InquiryPaymentAsync(InquiryPaymentRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /ams/api/v1/payments/refund</c>. A request that Antom would refuse for its shape (ids missing or too long, an amount
    /// that is not positive minor units) throws <see cref="ArgumentException"/> and sends nothing.
    /// </summary>
    Task<AntomCall<RefundResponse>> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /ams/api/v1/payments/inquiryRefund</c>.</summary>
    Task<AntomCall<InquiryRefundResponse>> InquiryRefundAsync(InquiryRefundRequest request, CancellationToken cancellationToken = default);
}
