using CancelWorkflows.Cli.Output;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Views;

/// <summary>One late-success refund in the reconciliation report (a row of the CSV, an item of the JSON).</summary>
/// <param name="Amount">Antom's value in the currency's minor units, as Antom sends it (e.g. <c>1000</c> = 10.00 USD).</param>
public sealed record ReconciliationRow(
    string? PaymentRequestId,
    string? PaymentId,
    string? Amount,
    string? Currency,
    string? RefundState,
    string? RefundId,
    DateTimeOffset? ConfirmedAt,
    string WorkflowId)
{
    public static readonly IReadOnlyList<string> CsvHeader =
        ["paymentRequestId", "paymentId", "amount", "currency", "refundState", "refundId", "confirmedAt", "workflowId"];

    /// <summary>The row from the cancellation's status; the listing's facts when the status could not be read.</summary>
    public static ReconciliationRow From(CancellationSummary summary, CancellationStatus? status)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var refund = status?.Reconciliation;
        return new(
            status?.PaymentRequestId ?? summary.PaymentRequestId,
            status?.PaymentId ?? summary.PaymentId,
            refund?.Value ?? status?.PaymentValue,
            refund?.Currency ?? status?.PaymentCurrency,
            refund?.State ?? summary.RefundState,
            refund?.RefundId,
            refund?.ConfirmedAt,
            summary.WorkflowId);
    }

    public IEnumerable<string?> CsvFields() =>
        [PaymentRequestId, PaymentId, Amount, Currency, RefundState, RefundId, TimeText.Iso(ConfirmedAt), WorkflowId];
}
