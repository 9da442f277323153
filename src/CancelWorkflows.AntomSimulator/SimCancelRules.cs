namespace CancelWorkflows.AntomSimulator;

/// <summary>What a cancel call does to a payment.</summary>
internal enum CancelVerdict
{
    /// <summary>Already CANCELLED: S again with the original cancelTime; nothing changes (A3: a resend never cancels twice).</summary>
    AlreadyCancelled,

    /// <summary>N1: refunded (fully or partly) → F PROCESS_FAIL.</summary>
    Refunded,

    /// <summary>W1–W5 / N2: outside the method's window → F CANCEL_WINDOW_EXCEED.</summary>
    WindowExceeded,

    /// <summary>FAIL (incl. expired unpaid): S SUCCESS, status stays FAIL (antom-api.md §1).</summary>
    FailStays,

    /// <summary>Cancels it: status CANCELLED, cancelTime now (C1/C2/C5).</summary>
    Cancel,
}

/// <summary>
/// The simulator's own, deliberately small copy of the cancel rules (cancel-rules.md; the product's authoritative version
/// is <c>CancelWorkflows.Domain</c>'s policy and catalogue). Antom decides these on its side; the simulator only needs
/// the answers: unknown / refunded / outside the window / FAIL / cancellable.
/// </summary>
internal static class SimCancelRules
{
    /// <summary>Unpaid payments close this long after the pay call (antom-api.md §2, §7; the common default).</summary>
    public static readonly TimeSpan PaymentValidity = TimeSpan.FromMinutes(14);

    /// <summary>W3/W4: cards and Mercado Pago, 7 days after payment, inclusive.</summary>
    public static readonly TimeSpan SevenDays = TimeSpan.FromDays(7);

    // The method lists mirror CancelWorkflows.Domain/payment-methods.json (a test checks every code listed there against
    // the simulator's answers). A code not listed is W5, as in the Domain.

    // W1: Indonesian local methods (any other *_ID code too) and JKOPay.
    private static readonly HashSet<string> NeverCancellable = new(StringComparer.OrdinalIgnoreCase)
    {
        "JKOPAY", "DANA", "OVO", "GOPAY_ID", "SHOPEEPAY_ID", "QRIS", "LINKAJA", "KREDIVO_ID",
        "ONLINEBANKING_BCA", "ONLINEBANKING_BNI", "ONLINEBANKING_BRI", "ONLINEBANKING_MANDIRI",
        "BANKTRANSFER_BNI", "BANKTRANSFER_BSI", "BANKTRANSFER_MANDIRI", "BANKTRANSFER_MAYBANK", "BANKTRANSFER_PERMATA",
        "CIMBNIAGA", "ATMTRANSFER_ID",
    };

    // W2: Thai online banking, mobile-banking apps and bank transfer (Antom's own codes, including its ONLINBANKING_ spelling).
    private static readonly HashSet<string> ThaiBanking = new(StringComparer.OrdinalIgnoreCase)
    {
        "ONLINBANKING_BANGKOKBANK", "ONLINEBANKING_BANGKOKBANK", "BANKAPP_BANGKOKBANK",
        "ONLINBANKING_KRUNGTHAIBANK", "ONLINEBANKING_KRUNGTHAIBANK", "BANKAPP_KRUNGTHAIBANK", "DIRECT_DEBIT_KRUNGTHAIBANK",
        "ONLINBANKING_SIAMCOMMERICALBANK", "BANKAPP_SIAMCOMMERICALBANK", "ONLINEBANKING_SIAMCOMMERCIALBANK", "BANKAPP_SIAMCOMMERCIALBANK",
        "DIRECT_DEBIT_SIAMCOMMERCIALBANK",
        "ONLINBANKING_BANKOFAYUDHYA", "ONLINEBANKING_BANKOFAYUDHYA", "BANKAPP_BANKOFAYUDHYA",
        "ONLINBANKING_KASIKORNBANK", "ONLINEBANKING_KASIKORNBANK", "BANKTRANSFER_KASIKORNBANK",
        "BANKTRANSFER_GOVERNMENTSAVINGSBANK", "KPLUS",
    };

    // W3: cards (wallet-tokenised cards included).
    private static readonly HashSet<string> Cards = new(StringComparer.OrdinalIgnoreCase) { "CARD", "APPLEPAY", "GOOGLEPAY" };

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

        if (p.Refunded)
        {
            return CancelVerdict.Refunded;
        }

        var method = p.PaymentMethodType;
        if (IsNeverCancellable(method))
        {
            return CancelVerdict.WindowExceeded;
        }

        if (status == SimStatuses.Fail)
        {
            return CancelVerdict.FailStays;
        }

        if (status != SimStatuses.Success)
        {
            return CancelVerdict.Cancel; // unpaid, within the 14 minutes (C1, C5)
        }

        var paid = p.PaymentTime ?? p.CreateTime;
        if (IsCard(method))
        {
            // W3 + N2: an authorisation can be voided for 7 days; captured funds cannot be cancelled (refund instead).
            return !p.Captured && now <= paid + SevenDays ? CancelVerdict.Cancel : CancelVerdict.WindowExceeded;
        }

        if (IsMercadoPago(method))
        {
            return now <= paid + SevenDays ? CancelVerdict.Cancel : CancelVerdict.WindowExceeded; // W4
        }

        if (IsThaiBanking(method))
        {
            return CancelVerdict.WindowExceeded; // W2: paid → not cancellable
        }

        return now < W5Deadline(paid) ? CancelVerdict.Cancel : CancelVerdict.WindowExceeded; // W5
    }

    /// <summary>W5: 00:15 (UTC+8) of T+1, T the payment day in UTC+8; the deadline itself is already too late.</summary>
    public static DateTimeOffset W5Deadline(DateTimeOffset paid)
    {
        var local = paid.ToOffset(AntomTime.Utc8);
        return new DateTimeOffset(local.Date.AddDays(1).AddMinutes(15), AntomTime.Utc8);
    }

    public static bool IsCard(string method) => Cards.Contains(method);

    public static bool IsMercadoPago(string method) => method.StartsWith("MERCADOPAGO", StringComparison.OrdinalIgnoreCase);

    public static bool IsNeverCancellable(string method) =>
        NeverCancellable.Contains(method) || method.EndsWith("_ID", StringComparison.OrdinalIgnoreCase);

    public static bool IsThaiBanking(string method) => ThaiBanking.Contains(method);
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
