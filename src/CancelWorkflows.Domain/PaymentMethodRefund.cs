namespace CancelWorkflows.Domain;

/// <summary>A payment method's refund capability: the catalogue's <c>refund</c> column.</summary>
/// <param name="Support">Supported, not supported, or unknown.</param>
/// <param name="PeriodDays">The refund period Antom's method page gives, in days after the payment; null when it gives none
/// (then Antom's general rule, a year, is the best guess: <see cref="DefaultPeriodDays"/>).</param>
/// <param name="Source">The Antom page that shows it; required unless <see cref="Support"/> is <see cref="RefundSupport.Unknown"/>.</param>
/// <param name="Note">What a reader needs to know about the row (a caveat of the source, a partial-refund limit, …).</param>
public sealed record PaymentMethodRefund(RefundSupport Support, int? PeriodDays, string? Source, string? Note)
{
    /// <summary>Antom's general refund window: refunds "within one year" of the payment (payment_status_desc; 365 days on the
    /// method pages that give one).</summary>
    public const int DefaultPeriodDays = 365;

    /// <summary>The longest period a row may state (Antom's longest seen is 18 months); a larger one is a typo.</summary>
    public const int MaxPeriodDays = 3 * 365;

    /// <summary>No source says: what an uncatalogued method, or a row without the column, has.</summary>
    public static PaymentMethodRefund Unknown { get; } = new(RefundSupport.Unknown, null, null, null);

    /// <summary>The refund window to apply: the row's period, else <see cref="DefaultPeriodDays"/>.</summary>
    public TimeSpan Period => TimeSpan.FromDays(PeriodDays ?? DefaultPeriodDays);
}
