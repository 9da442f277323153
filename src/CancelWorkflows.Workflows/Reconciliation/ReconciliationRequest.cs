using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Workflows.Reconciliation;

/// <summary>Input of <c>RefundReconciliationWorkflow</c>: a notification arrived for a payment whose cancel workflow has
/// already closed (after its watch window). <c>CancelOutcome</c> is the closed workflow's outcome, as the ingress read
/// it from its search attributes; it decides whether a refund is expected at all (C2, C4, C5).</summary>
public sealed record ReconciliationRequest
{
    public string? PaymentRequestId { get; init; }

    public string? PaymentId { get; init; }

    public string? CancelWorkflowId { get; init; }

    public string? CancelOutcome { get; init; }

    public string? CallbackUrl { get; init; }

    /// <summary>The closed cancellation's Antom merchant (null: the default): the reconciliation asks Antom as it.</summary>
    public string? AntomMerchant { get; init; }

    public CancelSettings Settings { get; init; } = new();
}
