namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary><c>reconcile-&lt;paymentRequestId&gt;</c> (or <c>reconcile-pid-&lt;paymentId&gt;</c>): one reconciliation per
/// payment, so duplicate notifications after the cancel workflow closed still reach a single workflow.</summary>
public static class ReconciliationWorkflowIds
{
    public static string For(string? paymentRequestId, string? paymentId)
    {
        if (!string.IsNullOrWhiteSpace(paymentRequestId))
        {
            return $"reconcile-{paymentRequestId.Trim()}";
        }

        if (!string.IsNullOrWhiteSpace(paymentId))
        {
            return $"reconcile-pid-{paymentId.Trim()}";
        }

        throw new ArgumentException("A2: a reconciliation needs paymentRequestId or paymentId.");
    }
}
