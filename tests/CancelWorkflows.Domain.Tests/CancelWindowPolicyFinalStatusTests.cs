using CancelWorkflows.Domain;
using static CancelWorkflows.Domain.Tests.TestPayments;

namespace CancelWorkflows.Domain.Tests;

/// <summary>C4, FAIL and N1: the checks made before any window.</summary>
public class CancelWindowPolicyFinalStatusTests
{
    private static readonly DateTimeOffset Now = AtUtc8(2024, 5, 1, 12, 5);

    [Theory]
    [InlineData(OtherWallet)]
    [InlineData(Card)]
    [InlineData(Indonesian)]
    [InlineData(null)]
    public void Evaluate_C4_Cancelled_IsAlreadyCancelled(string? method)
    {
        var facts = new PaymentFacts(PaymentStatus.Cancelled, method, AtUtc8(2024, 5, 1, 12, 0), null, false, Refunded: true, null);

        EligibilityDecision decision = Evaluate(facts, Now);

        Assert.Equal(EligibilityVerdict.AlreadyCancelled, decision.Verdict);
        Assert.Equal("C4", decision.Rule);
        Assert.Null(decision.Kind);
        Assert.Null(decision.Advice);
    }

    [Theory]
    [InlineData(OtherWallet)]
    [InlineData(ThaiBank)]
    [InlineData(MercadoPago)]
    public void Evaluate_Fail_IsNothingToCancel(string method)
    {
        var facts = new PaymentFacts(PaymentStatus.Fail, method, AtUtc8(2024, 5, 1, 12, 0), null, false, false, null);

        EligibilityDecision decision = Evaluate(facts, Now);

        Assert.Equal(new EligibilityDecision(EligibilityVerdict.NothingToCancel, null, "C1", null, decision.Reason), decision);
        Assert.Contains("FAIL", decision.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<PaymentFacts, string> RefundedInsideEveryWindow => new()
    {
        // Each of these would Proceed without the refund.
        { Paid(Card, AtUtc8(2024, 5, 1, 12, 0), refunded: true), "card inside W3" },
        { Paid(MercadoPago, AtUtc8(2024, 5, 1, 12, 0), refunded: true), "Mercado Pago inside W4" },
        { Paid(OtherWallet, AtUtc8(2024, 5, 1, 12, 0), refunded: true), "wallet before the W5 deadline" },
        { Paid("UNKNOWN_METHOD", AtUtc8(2024, 5, 1, 12, 0), refunded: true), "unknown method before the W5 deadline" },
        { Paid(Indonesian, AtUtc8(2024, 5, 1, 12, 0), refunded: true), "W1 method" },
        { Paid(ThaiBank, AtUtc8(2024, 5, 1, 12, 0), refunded: true), "W2 method" },
        { Unpaid(OtherWallet, AtUtc8(2024, 5, 1, 12, 0), refunded: true), "unpaid inside the validity (C1)" },
    };

    [Theory]
    [MemberData(nameof(RefundedInsideEveryWindow))]
    public void Evaluate_N1_RefundedFullyOrPartially_BeatsEveryWindow(PaymentFacts facts, string situation)
    {
        EligibilityDecision decision = Evaluate(facts, Now);

        Assert.True(
            decision is { Verdict: EligibilityVerdict.NotCancellable, Rule: "N1", Advice: CancelAdvice.AlreadyRefunded, Kind: null },
            $"{situation}: {decision}");
    }

    [Fact]
    public void Evaluate_N1_RefundedPaidPaymentInPromoMode_IsStillN1()
    {
        EligibilityDecision decision = Evaluate(Paid(OtherWallet, AtUtc8(2024, 5, 1, 12, 0), refunded: true), Now, CancelMode.UnpaidOnly);

        Assert.Equal((EligibilityVerdict.NotCancellable, "N1"), (decision.Verdict, decision.Rule));
    }

    [Fact]
    public void Evaluate_WidenedWindows_AreRefusedNotApplied()
    {
        var widened = CancelWindows.Antom with { CardWindow = TimeSpan.FromDays(30) };

        var error = Assert.Throws<CancelWindowsException>(() =>
            CancelWindowPolicy.Evaluate(Paid(Card, AtUtc8(2024, 5, 1, 12, 0)), Now, widened, PaymentMethodCatalogue.Default));
        Assert.Equal("Cancel:Windows:CardWindow", error.Setting);
    }

    [Fact]
    public void Evaluate_UndefinedStatus_Throws()
    {
        var facts = new PaymentFacts((PaymentStatus)99, OtherWallet, Now, Now, false, false, null);

        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(facts, Now));
    }
}
