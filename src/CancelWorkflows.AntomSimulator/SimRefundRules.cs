using System.Globalization;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.Domain;

namespace CancelWorkflows.AntomSimulator;

/// <summary>A refund's status, as inquiryRefund and notifyRefund report it.</summary>
internal static class SimRefundStatuses
{
    public const string Success = "SUCCESS";
    public const string Processing = "PROCESSING";
    public const string Fail = "FAIL";
}

/// <summary>Where a refund held by the simulator came from (<see cref="SimRefund.Reason"/>).</summary>
internal static class SimRefundReasons
{
    /// <summary>The refund API.</summary>
    public const string Api = "api";

    /// <summary>The control API's <c>refunded</c> flag: the merchant refunded in full before the simulator saw the payment.</summary>
    public const string Merchant = "merchant";

    /// <summary>C2: a paid payment cancelled in its window is refunded in full.</summary>
    public const string Cancel = "cancel";

    /// <summary>C4/C5: the buyer paid a cancelled payment; it is refunded in full.</summary>
    public const string PaidAfterCancel = "paidAfterCancel";
}

/// <summary>How refund API calls of a payment complete (<see cref="SimPaymentInput.RefundMode"/>).</summary>
internal static class SimRefundModes
{
    /// <summary>S SUCCESS at once (Antom: digital wallets).</summary>
    public const string Sync = "sync";

    /// <summary>U REFUND_IN_PROCESS, the result later (Antom: most other methods).</summary>
    public const string Async = "async";

    public static readonly IReadOnlyList<string> All = [Sync, Async];
}

/// <summary>
/// The simulator's refund answers (docs/rules.md RF1–RF6), as Antom documents them. Which methods refund, and for how long, comes
/// from the Domain's catalogue (<see cref="PaymentMethodCatalogue.RefundOf"/>): a method the catalogue marks notSupported is refused,
/// any other one (unknown included) is refunded within its period, Antom's year when the catalogue gives none.
/// </summary>
internal static class SimRefundRules
{
    /// <summary>The amount SUCCESS and PROCESSING refunds hold, in minor units: what is no longer refundable.</summary>
    public static decimal Held(PaymentRecord p) =>
        p.Refunds.Where(f => f.RefundStatus is SimRefundStatuses.Success or SimRefundStatuses.Processing).Sum(f => Minor(f.RefundAmount));

    public static AntomAmount RefundedTotal(PaymentRecord p) => new(p.Amount.Currency, Held(p).ToString(CultureInfo.InvariantCulture));

    /// <summary>N1: a payment refunded (fully or partly) by the merchant, or with a refund the API accepted, cannot be cancelled.</summary>
    public static bool HasMerchantRefund(PaymentRecord p) =>
        p.Refunded || p.Refunds.Any(f => f.Reason == SimRefundReasons.Api && f.RefundStatus is SimRefundStatuses.Success or SimRefundStatuses.Processing);

    /// <summary>Null when a refund of <paramref name="amount"/> may go ahead now; else Antom's code and message, checked in the
    /// order a refund guide lists its requirements (state, method, period, currency, amount).</summary>
    public static (string Code, string Message)? Refusal(PaymentRecord p, AntomAmount amount, DateTimeOffset now)
    {
        var status = SimCancelRules.EffectiveStatus(p, now);
        if (status == SimStatuses.Cancelled)
        {
            return (RefundResultCodes.OrderIsCanceled, "The payment was cancelled; the cancel refunds it."); // RF5
        }

        if (status != SimStatuses.Success)
        {
            return (RefundResultCodes.OrderStatusInvalid, "The payment is not successful."); // RF5
        }

        if (SimCancelRules.IsCard(p.PaymentMethodType) && !p.Captured)
        {
            return (RefundResultCodes.OrderStatusInvalid, "A card payment is refundable once captured; cancel voids the authorisation."); // RF5, W3
        }

        var capability = PaymentMethodCatalogue.Default.RefundOf(p.PaymentMethodType);
        if (capability.Support == RefundSupport.NotSupported)
        {
            return (RefundResultCodes.PaymentMethodNotSupported, $"{p.PaymentMethodType} does not support refund."); // RF4
        }

        if (now > CancelDeadlines.InclusiveWindowEnd(p.PaymentTime ?? p.CreateTime, capability.Period))
        {
            return (RefundResultCodes.RefundWindowExceed, $"The refund period ({capability.Period.TotalDays:0} days after the payment) has passed."); // RF3
        }

        if (amount.Currency != p.Amount.Currency)
        {
            return (RefundResultCodes.CurrencyNotSupport, $"The refund's currency must be the payment's ({p.Amount.Currency})."); // RF2
        }

        if (Held(p) + Minor(amount) > Minor(p.Amount))
        {
            return (RefundResultCodes.RefundAmountExceed, "The refund amount exceeds what is left to refund."); // RF2
        }

        return null;
    }

    private static decimal Minor(AntomAmount amount) => decimal.Parse(amount.Value, NumberStyles.None, CultureInfo.InvariantCulture);
}
