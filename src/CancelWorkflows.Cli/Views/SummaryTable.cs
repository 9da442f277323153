using CancelWorkflows.Cli.Output;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Views;

/// <summary>A listing for people: one row per cancellation, newest first as the service sends them.</summary>
public static class SummaryTable
{
    public static TextTable Create(IEnumerable<CancellationSummary> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var table = new TextTable("PAYMENT REQUEST ID", "OUTCOME", "ESCALATED", "LATE SUCCESS", "REFUND", "MERCHANT", "BOOKING", "STARTED", "WORKFLOW");
        foreach (var item in items)
        {
            table.AddRow(
                item.PaymentRequestId ?? (item.PaymentId is null ? null : "pid:" + item.PaymentId),
                item.Outcome ?? StatusView.Undecided,
                YesOrBlank(item.Escalated),
                YesOrBlank(item.LateSuccess),
                item.RefundState,
                item.Merchant,
                item.BookingRef,
                TimeText.Format(item.StartTime),
                item.Status);
        }

        return table;
    }

    private static string? YesOrBlank(bool value) => value ? "yes" : null;
}
