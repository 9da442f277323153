namespace CancelWorkflows.Domain;

/// <summary>
/// Applies <c>Cancel:UnknownPaymentMethod</c> to a decision about a payment whose method the catalogue does not know.
/// Either way the reason starts with "unknown payment method &lt;code&gt;", so the status shows it; a known method's
/// decision passes through unchanged.
/// </summary>
public static class UnknownPaymentMethods
{
    /// <summary>The prefix every decision about an unknown method starts with.</summary>
    public const string ReasonPrefix = "unknown payment method";

    /// <param name="decision">The decision the windows gave, with the unknown method read as W5 (Other).</param>
    /// <param name="method">The catalogue's answer for the payment's method.</param>
    /// <param name="policy">The configured policy.</param>
    public static EligibilityDecision Apply(EligibilityDecision decision, PaymentMethodLookup method, UnknownPaymentMethodPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(method);
        if (method.Known)
        {
            return decision;
        }

        string what = $"{ReasonPrefix} {method.Code ?? "(none reported)"}";
        return policy switch
        {
            // Refuse narrows W5 to nothing for a method nobody has placed in Table 1; only a cancel call is held back, a
            // decision that sends nothing (already cancelled, failed, refunded, past the window) stands as it is.
            UnknownPaymentMethodPolicy.Refuse when decision.Verdict == EligibilityVerdict.Proceed => EligibilityDecision.NotCancellable(
                CancelRules.W5,
                CancelAdvice.CheckUnknownMethod,
                $"{what}: not in the catalogue and Cancel:UnknownPaymentMethod is Refuse, so nothing is sent to Antom " +
                $"(as W5 it would be: {decision.Reason})"),
            UnknownPaymentMethodPolicy.Refuse => decision with { Reason = $"{what}: {decision.Reason}" },
            UnknownPaymentMethodPolicy.TreatAsOther => decision with
            {
                Reason = $"{what}: not in the catalogue, treated as W5 (every other method; Antom's cancel answer decides): {decision.Reason}",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown Cancel:UnknownPaymentMethod policy."),
        };
    }
}
