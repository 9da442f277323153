namespace CancelWorkflows.Domain;

/// <summary>One row of the payment-method catalogue: an Antom <c>paymentMethodType</c> and where Antom shows it.</summary>
/// <param name="Code">Antom's exact spelling of the code.</param>
/// <param name="Name">The method's name for people.</param>
/// <param name="Country">ISO 3166 alpha-2 buyer country, or a region note (e.g. "any" for cards).</param>
/// <param name="PaymentType">What kind of method it is: wallet, online banking, mobile banking app, bank transfer, card, BNPL, QR, …</param>
/// <param name="Category">Its Table 1 row (W1–W5).</param>
/// <param name="Source">Where the spelling was read: a URL of an Antom page, or of an SDK file at a commit; for a code added by
/// configuration, the setting that added it.</param>
/// <param name="Note">Why a borderline row sits in its category, or anything else a reader needs.</param>
public sealed record PaymentMethodInfo(
    string Code,
    string? Name,
    string? Country,
    string? PaymentType,
    PaymentMethodCategory Category,
    string? Source,
    string? Note)
{
    /// <summary>Whether Antom refunds payments made with this method (the <c>refund</c> column); unknown when the row does not say.</summary>
    public PaymentMethodRefund Refund { get; init; } = PaymentMethodRefund.Unknown;
}
