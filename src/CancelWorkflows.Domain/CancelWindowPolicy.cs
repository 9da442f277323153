namespace CancelWorkflows.Domain;

/// <summary>
/// Decides whether a cancel may be sent for a payment now (docs/rules.md W1–W5, N1–N3, C1–C5). Pure: the same facts,
/// clock and configuration give the same decision, so it is safe in workflow code and trivially testable.
/// </summary>
public static class CancelWindowPolicy
{
    /// <summary>Evaluates the rules in order: final statuses, refunds (N1), then unpaid or paid rules by method.</summary>
    /// <param name="facts">What Antom reported about the payment.</param>
    /// <param name="now">The current instant (a workflow passes its deterministic clock).</param>
    /// <param name="windows">The windows in force; validated here too (a widened window is refused, never applied).</param>
    /// <param name="catalogue">Maps the method code to its Table 1 row.</param>
    /// <param name="mode">Standard, or promo-expiry mode that leaves paid payments alone.</param>
    /// <param name="unknownMethod">What to do when the catalogue does not know the method (<see cref="UnknownPaymentMethods"/>).</param>
    /// <exception cref="CancelWindowsException"><paramref name="windows"/> widens one of Antom's windows.</exception>
    public static EligibilityDecision Evaluate(
        PaymentFacts facts,
        DateTimeOffset now,
        CancelWindows windows,
        PaymentMethodCatalogue catalogue,
        CancelMode mode = CancelMode.Standard,
        UnknownPaymentMethodPolicy unknownMethod = UnknownPaymentMethodPolicy.TreatAsOther)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(catalogue);
        windows.Validate();

        PaymentMethodLookup method = catalogue.Categorize(facts.PaymentMethodType);
        return UnknownPaymentMethods.Apply(ByStatus(facts, now, windows, method, mode), method, unknownMethod);
    }

    private static EligibilityDecision ByStatus(PaymentFacts facts, DateTimeOffset now, CancelWindows windows, PaymentMethodLookup method, CancelMode mode) =>
        facts.Status switch
        {
            PaymentStatus.Cancelled => EligibilityDecision.AlreadyCancelled(
                CancelRules.C4, "Antom reports CANCELLED; it stays CANCELLED even if a success notification follows"),

            // Antom would answer SUCCESS to a cancel and keep FAIL (docs/antom-api.md §1): the call changes nothing.
            PaymentStatus.Fail => EligibilityDecision.NothingToCancel(
                CancelRules.C1, "payment failed (FAIL): it can no longer be paid, a cancel would change nothing"),

            // N1 before any window: a refunded payment is refused by Antom (PROCESS_FAIL) whatever its method or age.
            _ when facts.Refunded => EligibilityDecision.NotCancellable(
                CancelRules.N1, CancelAdvice.AlreadyRefunded, "payment was refunded (fully or partially); Antom refuses to cancel it"),

            PaymentStatus.Initiated or PaymentStatus.Processing or PaymentStatus.Pending =>
                UnpaidCancelPolicy.Evaluate(facts, now, windows, method, mode),

            PaymentStatus.Success => PaidCancelPolicy.Evaluate(facts, now, windows, method, mode),

            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Status, "Unknown payment status."),
        };
}
