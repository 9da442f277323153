using System.Globalization;
using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>Maps inquiryPayment answers to snapshots; captures and refunds come from <c>transactions</c>.</summary>
public static class PaymentSnapshots
{
    public static PaymentSnapshot From(InquiryPaymentResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var transactions = answer.Transactions ?? [];
        return new(
            answer.PaymentRequestId,
            answer.PaymentId,
            answer.PaymentStatus,
            answer.PaymentMethodType,
            answer.PaymentAmount?.Currency,
            answer.PaymentAmount?.Value,
            ParseTime(answer.PaymentCreateTime),
            ParseTime(answer.PaymentTime),
            Captured: transactions.Any(t => Is(t.TransactionType, "CAPTURE") && Is(t.TransactionStatus, "SUCCESS")),
            Refunded: transactions.Any(t => Is(t.TransactionType, "REFUND") && (Is(t.TransactionStatus, "SUCCESS") || Is(t.TransactionStatus, "PROCESSING"))));
    }

    public static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
