namespace CancelWorkflows.Domain;

/// <summary>Rules for a payment Antom reports as SUCCESS (paid, or for cards: authorised).</summary>
internal static class PaidCancelPolicy
{
    public static EligibilityDecision Evaluate(
        PaymentFacts facts, DateTimeOffset now, CancelWindows windows, PaymentMethodLookup method, CancelMode mode)
    {
        string what = PaymentMethodText.Describe(method);
        if (mode == CancelMode.UnpaidOnly)
        {
            // Promo expiry cancels unpaid holds; cancelling a paid one would refund a buyer who kept the deal (C2).
            return EligibilityDecision.NothingToCancel(CancelRules.C2, $"paid, nothing to cancel: {what} is paid and promo-expiry mode only cancels unpaid holds");
        }

        switch (method.Category)
        {
            case PaymentMethodCategory.IndonesianLocal or PaymentMethodCategory.JkoPay:
                return EligibilityDecision.NotCancellable(CancelRules.W1, CancelAdvice.RefundInstead, $"{what} cannot be cancelled (W1)");

            case PaymentMethodCategory.ThaiBanking:
                return EligibilityDecision.NotCancellable(CancelRules.W2, CancelAdvice.RefundInstead, $"{what} is paid; W2 allows cancel only before payment completes");

            case PaymentMethodCategory.Card when facts.Captured:
                return EligibilityDecision.NotCancellable(CancelRules.N2, CancelAdvice.RefundInstead, $"{what} funds are captured; a captured card payment cannot be cancelled (N2, W3)");
        }

        // The windows count from paymentTime. createTime is never later, so using it in its place can only end a window
        // earlier than Antom would: never a cancel Antom refuses, at worst a refund where a cancel was still possible.
        (DateTimeOffset? start, string startName) = (facts.PaymentTime, facts.CreateTime) switch
        {
            ({ } paid, _) => ((DateTimeOffset?)paid, "paymentTime"),
            (null, { } created) => (created, "createTime (paymentTime missing)"),
            _ => (null, string.Empty),
        };

        string rule = method.Category switch
        {
            PaymentMethodCategory.Card => CancelRules.W3,
            PaymentMethodCategory.MercadoPago => CancelRules.W4,
            _ => CancelRules.W5,
        };

        if (start is not { } from)
        {
            return EligibilityDecision.NotCancellable(rule, CancelAdvice.RefundInstead, $"{what} is paid but Antom reported neither paymentTime nor createTime; the {rule} window cannot be checked");
        }

        return method.Category switch
        {
            PaymentMethodCategory.Card => WithinDays(
                now, from, startName, windows.CardWindow, rule, what,
                EligibilityDecision.Proceed(CancelKind.VoidCardAuthorization, rule, $"{what} authorised, not captured, within {InvariantTime.Format(windows.CardWindow)} of {startName}: the authorisation is voided"),
                CancelAdvice.LetAuthorizationExpire),
            PaymentMethodCategory.MercadoPago => WithinDays(
                now, from, startName, windows.MercadoPagoWindow, rule, what,
                EligibilityDecision.Proceed(CancelKind.CloseMercadoPago, rule, $"{what} within {InvariantTime.Format(windows.MercadoPagoWindow)} of {startName}: cancelled and refunded in full"),
                CancelAdvice.RefundInstead),
            _ => BeforeNextDayCutoff(now, from, startName, windows.NextDayCutoff, what),
        };
    }

    private static EligibilityDecision WithinDays(
        DateTimeOffset now, DateTimeOffset from, string startName, TimeSpan window, string rule, string what,
        EligibilityDecision inside, string adviceOutside)
    {
        // Inclusive: the seed allows cancel "支付后7天内" (within 7 days after payment), the last instant included.
        DateTimeOffset end = CancelDeadlines.InclusiveWindowEnd(from, window);
        return now <= end
            ? inside
            : EligibilityDecision.NotCancellable(rule, adviceOutside, $"{what}: {rule} window of {InvariantTime.Format(window)} from {startName} {InvariantTime.Format(from)} ended {InvariantTime.Format(end)}");
    }

    private static EligibilityDecision BeforeNextDayCutoff(DateTimeOffset now, DateTimeOffset from, string startName, TimeSpan cutoff, string what)
    {
        // Strictly before: the seed says "T+1日00:15前" (before 00:15 on T+1), so 00:15:00 itself is too late.
        DateTimeOffset deadline = CancelDeadlines.NextDayCutoffUtc8(from, cutoff);
        string timing = $"{startName} {InvariantTime.FormatUtc8(from)}, W5 deadline {InvariantTime.FormatUtc8(deadline)}";
        return now < deadline
            ? EligibilityDecision.Proceed(CancelKind.CancelPaid, CancelRules.W5, $"{what} paid, {timing}: cancelled and refunded in full (C2)")
            : EligibilityDecision.NotCancellable(CancelRules.W5, CancelAdvice.RefundInstead, $"{what} paid, {timing} has passed");
    }
}
