namespace CancelWorkflows.Domain;

/// <summary>The cancel policy's answer, with the rule that decided it. Flat on purpose: it travels as a Temporal payload.</summary>
/// <param name="Verdict">Whether to call cancel.</param>
/// <param name="Kind">What the cancel will do; set only for <see cref="EligibilityVerdict.Proceed"/>.</param>
/// <param name="Rule">The rule id that decided, from <see cref="CancelRules"/> (e.g. "W5", "N1", "C1").</param>
/// <param name="Advice">For refusals, what to do instead (a <see cref="CancelAdvice"/> constant).</param>
/// <param name="Reason">A sentence for people: the facts and times the decision rests on.</param>
public sealed record EligibilityDecision(EligibilityVerdict Verdict, CancelKind? Kind, string Rule, string? Advice, string Reason)
{
    public static EligibilityDecision Proceed(CancelKind kind, string rule, string reason) =>
        new(EligibilityVerdict.Proceed, kind, rule, null, reason);

    public static EligibilityDecision AlreadyCancelled(string rule, string reason) =>
        new(EligibilityVerdict.AlreadyCancelled, null, rule, null, reason);

    public static EligibilityDecision NothingToCancel(string rule, string reason) =>
        new(EligibilityVerdict.NothingToCancel, null, rule, null, reason);

    public static EligibilityDecision NotCancellable(string rule, string advice, string reason) =>
        new(EligibilityVerdict.NotCancellable, null, rule, advice, reason);
}
