using CancelWorkflows.Domain;

namespace CancelWorkflows.AntomSimulator;

/// <summary>What a cancel call does to a payment.</summary>
internal enum CancelVerdict
{
    /// <summary>Already CANCELLED: S again with the original cancelTime; nothing changes (A3: a resend never cancels twice).</summary>
    AlreadyCancelled,

    /// <summary>N1: refunded (fully or partly, by the merchant or through the refund API) → F PROCESS_FAIL.</summary>
    Refunded,

    /// <summary>W1–W5 / N2: outside the method's window → F CANCEL_WINDOW_EXCEED, Antom's documented code for "outside the
    /// cancel period" (W1's period is empty, a paid W2 payment is past its own).</summary>
    WindowExceeded,

    /// <summary>FAIL (incl. expired unpaid): S SUCCESS, status stays FAIL (docs/antom-api.md §1).</summary>
    FailStays,

    /// <summary>Cancels it: status CANCELLED, cancelTime now (C1/C2/C5).</summary>
    Cancel,
}

/// <summary>
/// The simulator's cancel answers (docs/rules.md), as Antom gives them. Antom decides by its own method list; the simulator
/// reads the same one, <see cref="PaymentMethodCatalogue.Default"/> (the Domain's <c>payment-methods.json</c>, never a
/// merchant's configuration, which Antom does not see), so every catalogued method answers by its Table 1 row and a code the
/// catalogue lacks is "every other method" (W5), as in Table 1. The windows are Antom's own (<see cref="CancelWindows.Antom"/>).
/// </summary>
internal static class SimCancelRules
{
    /// <summary>Unpaid payments close this long after the pay call (docs/antom-api.md §2, §7; the common default).</summary>
    public static readonly TimeSpan PaymentValidity = CancelWindows.Antom.UnpaidValidity;

    public static bool IsUnpaid(string status) => status is SimStatuses.Initiated or SimStatuses.Processing;

    /// <summary>The status now: an unpaid payment is FAIL from <c>createTime + 14 min</c> on.</summary>
    public static string EffectiveStatus(PaymentRecord p, DateTimeOffset now) =>
        IsUnpaid(p.Status) && now >= p.CreateTime + PaymentValidity ? SimStatuses.Fail : p.Status;

    public static CancelVerdict Decide(PaymentRecord p, DateTimeOffset now)
    {
        var status = EffectiveStatus(p, now);
        if (status == SimStatuses.Cancelled)
        {
            return CancelVerdict.AlreadyCancelled;
        }

        if (SimRefundRules.HasMerchantRefund(p))
        {
            return CancelVerdict.Refunded;
        }

        var category = Category(p.PaymentMethodType);
        if (category is PaymentMethodCategory.IndonesianLocal or PaymentMethodCategory.JkoPay)
        {
            return CancelVerdict.WindowExceeded; // W1: never, paid or not
        }

        if (status == SimStatuses.Fail)
        {
            return CancelVerdict.FailStays;
        }

        if (status != SimStatuses.Success)
        {
            return CancelVerdict.Cancel; // unpaid, within the 14 minutes (C1, C5); W2 allows this too
        }

        var paid = p.PaymentTime ?? p.CreateTime;
        var antom = CancelWindows.Antom;
        return category switch
        {
            // W2: a paid Thai banking payment is past its cancel period.
            PaymentMethodCategory.ThaiBanking => CancelVerdict.WindowExceeded,

            // W3 + N2: an authorisation can be voided within the window; captured funds cannot be cancelled (refund instead).
            PaymentMethodCategory.Card => !p.Captured && now <= CancelDeadlines.InclusiveWindowEnd(paid, antom.CardWindow)
                ? CancelVerdict.Cancel
                : CancelVerdict.WindowExceeded,

            PaymentMethodCategory.MercadoPago => now <= CancelDeadlines.InclusiveWindowEnd(paid, antom.MercadoPagoWindow)
                ? CancelVerdict.Cancel
                : CancelVerdict.WindowExceeded, // W4

            _ => now < CancelDeadlines.NextDayCutoffUtc8(paid, antom.NextDayCutoff) ? CancelVerdict.Cancel : CancelVerdict.WindowExceeded, // W5
        };
    }

    /// <summary>W3: a paid card payment that is cancelled is a voided authorisation (no refund) unless captured.</summary>
    public static bool IsCard(string method) => Category(method) == PaymentMethodCategory.Card;

    /// <summary>The Table 1 row Antom applies to the method: the catalogue's, or W5 for a code it does not list.</summary>
    public static PaymentMethodCategory Category(string method) => PaymentMethodCatalogue.Default.Categorize(method).Category;
}

/// <summary>The payment statuses the control API accepts.</summary>
internal static class SimStatuses
{
    public const string Initiated = "INITIATED";
    public const string Processing = "PROCESSING";
    public const string Success = "SUCCESS";
    public const string Fail = "FAIL";
    public const string Cancelled = "CANCELLED";

    public static readonly IReadOnlyList<string> All = [Initiated, Processing, Success, Fail, Cancelled];
}
