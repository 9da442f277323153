namespace CancelWorkflows.Domain;

/// <summary>What Antom says about a payment (inquiryPayment, docs/antom-api.md §2), as the cancel policy needs it.</summary>
/// <param name="Status">Antom's <c>paymentStatus</c>.</param>
/// <param name="PaymentMethodType">Antom's <c>paymentMethodType</c>, e.g. <c>CARD</c>, <c>DANA</c>; null when not reported.</param>
/// <param name="CreateTime">Antom's <c>paymentCreateTime</c>: start of the 14-minute validity (C5).</param>
/// <param name="PaymentTime">Antom's <c>paymentTime</c>: when the payment succeeded; windows W3–W5 count from it.</param>
/// <param name="Captured">Card funds captured (N2). Ignored for every other category.</param>
/// <param name="Refunded">Refunded fully or partially (N1).</param>
/// <param name="Amount">The payment amount, carried for the reader and for refund reconciliation; the policy ignores it.</param>
public sealed record PaymentFacts(
    PaymentStatus Status,
    string? PaymentMethodType,
    DateTimeOffset? CreateTime,
    DateTimeOffset? PaymentTime,
    bool Captured,
    bool Refunded,
    Money? Amount);
