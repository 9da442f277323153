using System.Globalization;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Benchmarks.Baseline;

/// <summary>
/// Diagnostic only: answers like the simulator for a paid ALIPAY_CN payment (inquiry S/SUCCESS, cancel S) without HTTP,
/// JSON or RSA. The real workflow and activities on top of it isolate the workflow's own cost (status, search
/// attributes, payload sizes) from the cost of talking to Antom.
/// </summary>
public sealed class InMemoryAntomClient(TimeProvider time) : IAntomClient
{
    public Task<AntomCall<CancelResponse>> CancelAsync(CancelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = new CancelResponse(AntomResult.Success, PaymentIdFor(request.PaymentRequestId), request.PaymentRequestId, Iso(time.GetUtcNow()));
        return Task.FromResult(AntomCall.FromAnswer(answer, 200, TimeSpan.Zero));
    }

    public Task<AntomCall<InquiryPaymentResponse>> InquiryPaymentAsync(InquiryPaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var answer = new InquiryPaymentResponse(
            AntomResult.Success,
            "SUCCESS",
            "SUCCESS",
            "success",
            request.PaymentRequestId,
            PaymentIdFor(request.PaymentRequestId),
            new AntomAmount("USD", "1000"),
            Iso(now.AddMinutes(-2)),
            Iso(now.AddMinutes(-1)),
            "ALIPAY_CN",
            []);
        return Task.FromResult(AntomCall.FromAnswer(answer, 200, TimeSpan.Zero));
    }

    public Task<AntomCall<RefundResponse>> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The happy path makes no refund.");

    public Task<AntomCall<InquiryRefundResponse>> InquiryRefundAsync(InquiryRefundRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The happy path makes no refund inquiry.");

    private static string PaymentIdFor(string? paymentRequestId) => "2026" + (paymentRequestId ?? "none").GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";
}
