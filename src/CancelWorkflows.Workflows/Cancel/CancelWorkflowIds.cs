namespace CancelWorkflows.Workflows.Cancel;

/// <summary>Workflow ids carry the payment (docs/design.md, fixed): <c>cancel-&lt;paymentRequestId&gt;</c>, or
/// <c>cancel-pid-&lt;paymentId&gt;</c> when only Antom's id is known. One payment, one id, so a second start finds
/// the first workflow. The two kinds share one namespace: a paymentRequestId <c>pid-X</c> would name the workflow of
/// paymentId X, so such paymentRequestIds are reserved (<see cref="IsReservedPaymentRequestId"/>) and the API refuses
/// them. The ids of every other payment are unchanged (and workflow code keeps calling <see cref="For(string?, string?)"/>
/// deterministically, whatever it is given).</summary>
public static class CancelWorkflowIds
{
    /// <summary>What follows <c>cancel-</c> in the id of a cancellation started with Antom's paymentId.</summary>
    public const string PaymentIdPrefix = "pid-";

    public static string For(string? paymentRequestId, string? paymentId)
    {
        if (!string.IsNullOrWhiteSpace(paymentRequestId))
        {
            return $"cancel-{paymentRequestId.Trim()}";
        }

        if (!string.IsNullOrWhiteSpace(paymentId))
        {
            return $"cancel-{PaymentIdPrefix}{paymentId.Trim()}";
        }

        throw new ArgumentException("A2: a cancel needs paymentRequestId or paymentId.");
    }

    public static string For(CancelPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return For(request.PaymentRequestId, request.PaymentId);
    }

    /// <summary>True for a paymentRequestId whose workflow id would be that of a cancellation by paymentId
    /// (<c>pid-…</c>, case-sensitive like workflow ids): callers must refuse it, or route it nowhere.</summary>
    public static bool IsReservedPaymentRequestId(string? paymentRequestId) =>
        paymentRequestId is not null && paymentRequestId.Trim().StartsWith(PaymentIdPrefix, StringComparison.Ordinal);
}
