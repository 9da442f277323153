namespace CancelWorkflows.Domain;

/// <summary>Rules for a payment Antom does not (yet) report as paid: INITIATED, PROCESSING, PENDING.</summary>
internal static class UnpaidCancelPolicy
{
    public static EligibilityDecision Evaluate(
        PaymentFacts facts, DateTimeOffset now, CancelWindows windows, PaymentMethodLookup method, CancelMode mode)
    {
        switch (method.Category)
        {
            case PaymentMethodCategory.IndonesianLocal or PaymentMethodCategory.JkoPay:
                // W1: never cancellable, paid or not; unpaid it simply expires, so there is nothing to refund.
                return EligibilityDecision.NotCancellable(
                    CancelRules.W1, CancelAdvice.WaitForExpiry, $"{Describe(method)} cannot be cancelled (W1); unpaid, it expires");

            case var _ when facts.Status == PaymentStatus.Pending && mode == CancelMode.UnpaidOnly:
                // PENDING: the buyer has paid and Antom's result is awaited (days for some methods). Unpaid-only mode
                // exists so that a buyer who paid keeps the deal; a cancel now would refund them if the payment
                // succeeds (C5). Antom's result decides instead: SUCCESS is a paid hold, FAIL one nobody can pay.
                return EligibilityDecision.NothingToCancel(
                    CancelRules.C5, $"payment pending, nothing to cancel: {Describe(method)} PENDING means the buyer has paid and the result is awaited; promo-expiry mode only cancels unpaid holds");

            case PaymentMethodCategory.MercadoPago:
                // N3: a Mercado Pago payment stays payable for 7 days; cancel is how the merchant closes it early.
                return EligibilityDecision.Proceed(
                    CancelKind.CloseMercadoPago, CancelRules.N3, $"{Describe(method)} unpaid: cancel closes it so the buyer cannot pay any more");
        }

        // W2 (Thai banking) allows cancel before payment completes; cards before authorisation and W5 methods likewise.
        string allowedBy = method.Category == PaymentMethodCategory.ThaiBanking ? "W2 allows cancel before payment completes; " : string.Empty;

        if (facts.Status == PaymentStatus.Pending)
        {
            // PENDING: the buyer acted and the result is awaited — C5's "result still unknown" row, whatever the time.
            return EligibilityDecision.Proceed(
                CancelKind.VoidUnpaid, CancelRules.C5,
                $"{allowedBy}{Describe(method)} PENDING: result unknown, cancel so both sides agree; a late success is refunded in full");
        }

        if (facts.CreateTime is not { } created)
        {
            // Without a creation time the validity cannot be shown to be running: assume it has passed (the C5 reading).
            return EligibilityDecision.Proceed(
                CancelKind.VoidUnpaid, CancelRules.C5,
                $"{allowedBy}{Describe(method)} unpaid, creation time unknown: treated as past the validity; a late success is refunded in full");
        }

        DateTimeOffset validUntil = created.Add(windows.UnpaidValidity);
        return now < validUntil
            ? EligibilityDecision.Proceed(
                CancelKind.VoidUnpaid, CancelRules.C1,
                $"{allowedBy}{Describe(method)} unpaid inside its validity (until {InvariantTime.Format(validUntil)}): cancel stops the buyer paying")
            : EligibilityDecision.Proceed(
                CancelKind.VoidUnpaid, CancelRules.C5,
                $"{allowedBy}{Describe(method)} unpaid past its validity ({InvariantTime.Format(validUntil)}): result unknown, cancel so both sides agree; a late success is refunded in full");
    }

    private static string Describe(PaymentMethodLookup method) => PaymentMethodText.Describe(method);
}
