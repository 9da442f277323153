using CancelWorkflows.Domain;
using static CancelWorkflows.Domain.Tests.TestPayments;

namespace CancelWorkflows.Domain.Tests;

/// <summary>Cancel:UnknownPaymentMethod, table by table: TreatAsOther (W5, Antom decides) and Refuse (nothing sent); either
/// way the reason starts with "unknown payment method &lt;code&gt;".</summary>
public class UnknownPaymentMethodPolicyTests
{
    private const string NewWallet = "NEW_WALLET_XYZ";
    private static readonly DateTimeOffset PaidAt = AtUtc8(2024, 5, 1, 10, 0);
    private static readonly DateTimeOffset BeforeCutoff = AtUtc8(2024, 5, 2, 0, 14, 59);
    private static readonly DateTimeOffset AfterCutoff = AtUtc8(2024, 5, 2, 0, 15, 0);

    public static TheoryData<string, PaymentFacts, DateTimeOffset, UnknownPaymentMethodPolicy, EligibilityVerdict, string, string?> Decisions => new()
    {
        // TreatAsOther: exactly what W5 gives a known "other" method.
        { "unpaid", Unpaid(NewWallet, PaidAt), PaidAt.AddMinutes(1), UnknownPaymentMethodPolicy.TreatAsOther, EligibilityVerdict.Proceed, "C1", null },
        { "paid before the W5 cutoff", Paid(NewWallet, PaidAt), BeforeCutoff, UnknownPaymentMethodPolicy.TreatAsOther, EligibilityVerdict.Proceed, "W5", null },
        { "paid after the W5 cutoff", Paid(NewWallet, PaidAt), AfterCutoff, UnknownPaymentMethodPolicy.TreatAsOther, EligibilityVerdict.NotCancellable, "W5", CancelAdvice.RefundInstead },
        { "no method reported, paid", Paid(null, PaidAt), BeforeCutoff, UnknownPaymentMethodPolicy.TreatAsOther, EligibilityVerdict.Proceed, "W5", null },

        // Refuse: every cancel call held back under W5 narrowed to nothing; decisions that send nothing stand.
        { "unpaid", Unpaid(NewWallet, PaidAt), PaidAt.AddMinutes(1), UnknownPaymentMethodPolicy.Refuse, EligibilityVerdict.NotCancellable, "W5", CancelAdvice.CheckUnknownMethod },
        { "paid before the W5 cutoff", Paid(NewWallet, PaidAt), BeforeCutoff, UnknownPaymentMethodPolicy.Refuse, EligibilityVerdict.NotCancellable, "W5", CancelAdvice.CheckUnknownMethod },
        { "paid after the W5 cutoff", Paid(NewWallet, PaidAt), AfterCutoff, UnknownPaymentMethodPolicy.Refuse, EligibilityVerdict.NotCancellable, "W5", CancelAdvice.RefundInstead },
        { "no method reported, paid", Paid(null, PaidAt), BeforeCutoff, UnknownPaymentMethodPolicy.Refuse, EligibilityVerdict.NotCancellable, "W5", CancelAdvice.CheckUnknownMethod },
        { "already cancelled", Unpaid(NewWallet, PaidAt, PaymentStatus.Cancelled), BeforeCutoff, UnknownPaymentMethodPolicy.Refuse, EligibilityVerdict.AlreadyCancelled, "C4", null },
        { "refunded", Paid(NewWallet, PaidAt, refunded: true), BeforeCutoff, UnknownPaymentMethodPolicy.Refuse, EligibilityVerdict.NotCancellable, "N1", CancelAdvice.AlreadyRefunded },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Evaluate_UnknownMethod_DecidesByPolicyAndSaysItIsUnknown(
        string scenario, PaymentFacts facts, DateTimeOffset now, UnknownPaymentMethodPolicy policy, EligibilityVerdict verdict, string rule, string? advice)
    {
        EligibilityDecision decision = Evaluate(facts, now, unknownMethod: policy);

        Assert.True((verdict, rule, advice) == (decision.Verdict, decision.Rule, decision.Advice), $"{scenario}: {decision}");
        Assert.StartsWith($"unknown payment method {facts.PaymentMethodType ?? "(none reported)"}", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnknownPaymentMethodPolicy.TreatAsOther)]
    [InlineData(UnknownPaymentMethodPolicy.Refuse)]
    public void Evaluate_KnownMethod_PolicyChangesNothing(UnknownPaymentMethodPolicy policy)
    {
        PaymentFacts facts = Paid(OtherWallet, PaidAt);

        Assert.Equal(Evaluate(facts, BeforeCutoff), Evaluate(facts, BeforeCutoff, unknownMethod: policy));
        Assert.DoesNotContain("unknown", Evaluate(facts, BeforeCutoff, unknownMethod: policy).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CodeDeclaredByConfiguration_IsKnownAndFollowsItsDeclaredRow()
    {
        PaymentMethodCatalogue configured = PaymentMethodCatalogue.Default.WithOverrides(
            new Dictionary<string, PaymentMethodCategory> { [NewWallet] = PaymentMethodCategory.Other }, CancelWindows.Antom);

        EligibilityDecision decision = CancelWindowPolicy.Evaluate(
            Paid(NewWallet, PaidAt), BeforeCutoff, CancelWindows.Antom, configured, unknownMethod: UnknownPaymentMethodPolicy.Refuse);

        Assert.Equal((EligibilityVerdict.Proceed, "W5"), (decision.Verdict, decision.Rule));
    }

    [Fact]
    public void Apply_UndefinedPolicy_Throws()
    {
        EligibilityDecision decision = EligibilityDecision.Proceed(CancelKind.CancelPaid, "W5", "paid");

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            UnknownPaymentMethods.Apply(decision, new PaymentMethodLookup("X", PaymentMethodCategory.Other, Known: false), (UnknownPaymentMethodPolicy)7));
    }
}
