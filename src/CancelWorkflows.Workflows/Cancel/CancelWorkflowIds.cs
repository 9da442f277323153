namespace CancelWorkflows.Workflows.Cancel;

/// <summary>Workflow ids carry the payment (design.md, fixed): <c>cancel-&lt;paymentRequestId&gt;</c>, or
/// <c>cancel-pid-&lt;paymentId&gt;</c> when only Antom's id is known. One payment, one id, so a second start finds
/// the first workflow.</summary>
public static class CancelWorkflowIds
{
    public static string For(string? paymentRequestId, string? paymentId)
    {
        if (!string.IsNullOrWhiteSpace(paymentRequestId))
        {
            return $"cancel-{paymentRequestId.Trim()}";
        }

        if (!string.IsNullOrWhiteSpace(paymentId))
        {
            return $"cancel-pid-{paymentId.Trim()}";
        }

        throw new ArgumentException("A2: a cancel needs paymentRequestId or paymentId.");
    }

    public static string For(CancelPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return For(request.PaymentRequestId, request.PaymentId);
    }
}
