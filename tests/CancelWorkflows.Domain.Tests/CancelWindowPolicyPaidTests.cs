using CancelWorkflows.Domain;
using static CancelWorkflows.Domain.Tests.TestPayments;

namespace CancelWorkflows.Domain.Tests;

/// <summary>SUCCESS: W1–W5 by method, N2 for captured cards, and promo-expiry mode.</summary>
public class CancelWindowPolicyPaidTests
{
    private static readonly DateTimeOffset PaidAt = AtUtc8(2024, 5, 1, 12, 0);

    [Theory]
    [InlineData(Indonesian)]
    [InlineData("OVO")]
    [InlineData("BANKTRANSFER_PERMATA")]
    [InlineData(JkoPay)]
    public void Evaluate_W1_PaidIndonesianOrJkoPay_NotCancellableRefundInstead(string method)
    {
        EligibilityDecision decision = Evaluate(Paid(method, PaidAt), PaidAt.AddMinutes(1));

        Assert.Equal(new EligibilityDecision(EligibilityVerdict.NotCancellable, null, "W1", CancelAdvice.RefundInstead, decision.Reason), decision);
    }

    [Theory]
    [InlineData(ThaiBank)]
    [InlineData("BANKTRANSFER_GOVERNMENTSAVINGSBANK")]
    [InlineData("KPLUS")]
    public void Evaluate_W2_PaidThaiBanking_NotCancellableRefundInstead(string method)
    {
        EligibilityDecision decision = Evaluate(Paid(method, PaidAt), PaidAt.AddMinutes(1));

        Assert.Equal(new EligibilityDecision(EligibilityVerdict.NotCancellable, null, "W2", CancelAdvice.RefundInstead, decision.Reason), decision);
    }

    public static TheoryData<DateTimeOffset, EligibilityVerdict> SevenDayBoundary => new()
    {
        { PaidAt, EligibilityVerdict.Proceed },
        { AtUtc8(2024, 5, 8, 12, 0), EligibilityVerdict.Proceed },
        { At(2024, 5, 8, 4, 0, 0, TimeSpan.Zero), EligibilityVerdict.Proceed },
        { AtUtc8(2024, 5, 8, 12, 0, 1), EligibilityVerdict.NotCancellable },
        { At(2024, 5, 8, 4, 0, 1, TimeSpan.Zero), EligibilityVerdict.NotCancellable },
    };

    [Theory]
    [MemberData(nameof(SevenDayBoundary))]
    public void Evaluate_W3_UncapturedCard_SevenDaysAfterPaymentInclusive(DateTimeOffset now, EligibilityVerdict expected)
    {
        EligibilityDecision decision = Evaluate(Paid(Card, PaidAt), now);

        Assert.Equal("W3", decision.Rule);
        Assert.Equal(expected, decision.Verdict);
        Assert.Equal(expected == EligibilityVerdict.Proceed ? CancelKind.VoidCardAuthorization : null, decision.Kind);
        Assert.Equal(expected == EligibilityVerdict.Proceed ? null : CancelAdvice.LetAuthorizationExpire, decision.Advice);
    }

    [Theory]
    [MemberData(nameof(SevenDayBoundary))]
    public void Evaluate_W4_MercadoPago_SevenDaysAfterPaymentInclusive(DateTimeOffset now, EligibilityVerdict expected)
    {
        EligibilityDecision decision = Evaluate(Paid(MercadoPago, PaidAt), now);

        Assert.Equal("W4", decision.Rule);
        Assert.Equal(expected, decision.Verdict);
        Assert.Equal(expected == EligibilityVerdict.Proceed ? CancelKind.CloseMercadoPago : null, decision.Kind);
        Assert.Equal(expected == EligibilityVerdict.Proceed ? null : CancelAdvice.RefundInstead, decision.Advice);
    }

    [Theory]
    [InlineData("CARD")]
    [InlineData("APPLEPAY")]
    public void Evaluate_N2_CapturedCardInsideW3_NotCancellableRefundInstead(string method)
    {
        EligibilityDecision decision = Evaluate(Paid(method, PaidAt, captured: true), PaidAt.AddMinutes(1));

        Assert.Equal(new EligibilityDecision(EligibilityVerdict.NotCancellable, null, "N2", CancelAdvice.RefundInstead, decision.Reason), decision);
    }

    [Theory]
    [InlineData(MercadoPago, "W4", CancelKind.CloseMercadoPago)]
    [InlineData(OtherWallet, "W5", CancelKind.CancelPaid)]
    public void Evaluate_CapturedOnlyMattersForCards(string method, string rule, CancelKind kind)
    {
        EligibilityDecision decision = Evaluate(Paid(method, PaidAt, captured: true), PaidAt.AddMinutes(1));

        Assert.Equal((EligibilityVerdict.Proceed, (CancelKind?)kind, rule), (decision.Verdict, decision.Kind, decision.Rule));
    }

    [Fact]
    public void Evaluate_W3_NarrowedCardWindow_RefusesDayFour()
    {
        var windows = CancelWindows.Antom with { CardWindow = TimeSpan.FromDays(3) };

        EligibilityDecision decision = CancelWindowPolicy.Evaluate(Paid(Card, PaidAt), PaidAt.AddDays(3).AddSeconds(1), windows, PaymentMethodCatalogue.Default);

        Assert.Equal((EligibilityVerdict.NotCancellable, "W3"), (decision.Verdict, decision.Rule));
    }

    public static TheoryData<DateTimeOffset, DateTimeOffset, EligibilityVerdict> NextDayCutoff => new()
    {
        // Paid 10:00 UTC+8 on May 1: deadline 00:15:00 UTC+8 on May 2 (16:15:00Z May 1), exclusive.
        { AtUtc8(2024, 5, 1, 10, 0), AtUtc8(2024, 5, 2, 0, 14, 59), EligibilityVerdict.Proceed },
        { AtUtc8(2024, 5, 1, 10, 0), AtUtc8(2024, 5, 2, 0, 15, 0), EligibilityVerdict.NotCancellable },
        { AtUtc8(2024, 5, 1, 10, 0), AtUtc8(2024, 5, 2, 0, 15, 1), EligibilityVerdict.NotCancellable },
        { At(2024, 5, 1, 2, 0, 0, TimeSpan.Zero), At(2024, 5, 1, 16, 14, 59, TimeSpan.Zero), EligibilityVerdict.Proceed },
        { At(2024, 5, 1, 2, 0, 0, TimeSpan.Zero), At(2024, 5, 1, 16, 15, 0, TimeSpan.Zero), EligibilityVerdict.NotCancellable },
        { At(2024, 5, 1, 2, 0, 0, TimeSpan.Zero), At(2024, 5, 1, 16, 15, 1, TimeSpan.Zero), EligibilityVerdict.NotCancellable },
        // Paid 23:59 UTC+8: only 16 minutes to cancel.
        { AtUtc8(2024, 5, 1, 23, 59), AtUtc8(2024, 5, 2, 0, 14, 59), EligibilityVerdict.Proceed },
        { AtUtc8(2024, 5, 1, 23, 59), AtUtc8(2024, 5, 2, 0, 15, 0), EligibilityVerdict.NotCancellable },
        { At(2024, 5, 1, 15, 59, 0, TimeSpan.Zero), At(2024, 5, 1, 16, 15, 0, TimeSpan.Zero), EligibilityVerdict.NotCancellable },
        // Paid 00:01 UTC+8 on May 2 (still May 1 in UTC and in New York): day T is May 2, deadline May 3 00:15 UTC+8.
        { AtUtc8(2024, 5, 2, 0, 1), AtUtc8(2024, 5, 2, 0, 20), EligibilityVerdict.Proceed },
        { At(2024, 5, 1, 16, 1, 0, TimeSpan.Zero), At(2024, 5, 1, 16, 20, 0, TimeSpan.Zero), EligibilityVerdict.Proceed },
        { At(2024, 5, 1, 12, 1, 0, TimeSpan.FromHours(-4)), At(2024, 5, 1, 12, 20, 0, TimeSpan.FromHours(-4)), EligibilityVerdict.Proceed },
        { AtUtc8(2024, 5, 2, 0, 1), AtUtc8(2024, 5, 3, 0, 14, 59), EligibilityVerdict.Proceed },
        { AtUtc8(2024, 5, 2, 0, 1), AtUtc8(2024, 5, 3, 0, 15, 0), EligibilityVerdict.NotCancellable },
        { At(2024, 5, 1, 16, 1, 0, TimeSpan.Zero), At(2024, 5, 2, 16, 15, 0, TimeSpan.Zero), EligibilityVerdict.NotCancellable },
    };

    [Theory]
    [MemberData(nameof(NextDayCutoff))]
    public void Evaluate_W5_PaidOtherMethod_CancellableStrictlyBefore0015Utc8OnTPlus1(DateTimeOffset paidAt, DateTimeOffset now, EligibilityVerdict expected)
    {
        EligibilityDecision decision = Evaluate(Paid(OtherWallet, paidAt), now);

        Assert.Equal("W5", decision.Rule);
        Assert.Equal(expected, decision.Verdict);
        Assert.Equal(expected == EligibilityVerdict.Proceed ? CancelKind.CancelPaid : null, decision.Kind);
        Assert.Equal(expected == EligibilityVerdict.Proceed ? null : CancelAdvice.RefundInstead, decision.Advice);
    }

    [Fact]
    public void Evaluate_W5_At001500Utc8OnTPlus1_NotCancellable()
    {
        EligibilityDecision decision = Evaluate(Paid(OtherWallet, AtUtc8(2024, 5, 1, 10, 0)), AtUtc8(2024, 5, 2, 0, 15, 0));

        Assert.Equal(new EligibilityDecision(EligibilityVerdict.NotCancellable, null, "W5", CancelAdvice.RefundInstead, decision.Reason), decision);
        Assert.Contains("2024-05-02T00:15:00+08:00", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NEW_WALLET_XYZ")]
    [InlineData(null)]
    public void Evaluate_W5_UnknownOrMissingMethod_FollowsTheOtherRow(string? method)
    {
        DateTimeOffset paidAt = AtUtc8(2024, 5, 1, 10, 0);

        Assert.Equal((EligibilityVerdict.Proceed, "W5"), Pair(Evaluate(Paid(method, paidAt), AtUtc8(2024, 5, 2, 0, 14, 59))));
        Assert.Equal((EligibilityVerdict.NotCancellable, "W5"), Pair(Evaluate(Paid(method, paidAt), AtUtc8(2024, 5, 2, 0, 15, 0))));
    }

    [Fact]
    public void Evaluate_W5_MissingPaymentTime_CountsFromTheEarlierCreateTime()
    {
        // Created 23:58 on May 1, paid (time not reported) after midnight: the window is measured from May 1, the narrower one.
        var facts = new PaymentFacts(PaymentStatus.Success, OtherWallet, AtUtc8(2024, 5, 1, 23, 58), null, false, false, null);

        Assert.Equal((EligibilityVerdict.Proceed, "W5"), Pair(Evaluate(facts, AtUtc8(2024, 5, 2, 0, 14, 59))));
        EligibilityDecision late = Evaluate(facts, AtUtc8(2024, 5, 2, 0, 15, 0));
        Assert.Equal((EligibilityVerdict.NotCancellable, "W5"), Pair(late));
        Assert.Contains("createTime", late.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OtherWallet, "W5")]
    [InlineData(Card, "W3")]
    [InlineData(MercadoPago, "W4")]
    public void Evaluate_PaidWithoutAnyTime_NotCancellableRefundInstead(string method, string rule)
    {
        var facts = new PaymentFacts(PaymentStatus.Success, method, null, null, false, false, null);

        EligibilityDecision decision = Evaluate(facts, AtUtc8(2024, 5, 1, 12, 0));

        Assert.Equal(new EligibilityDecision(EligibilityVerdict.NotCancellable, null, rule, CancelAdvice.RefundInstead, decision.Reason), decision);
    }

    [Theory]
    [InlineData(OtherWallet)]
    [InlineData(Card)]
    [InlineData(MercadoPago)]
    [InlineData(Indonesian)]
    public void Evaluate_C2_PaidInPromoExpiryMode_IsNothingToCancel(string method)
    {
        EligibilityDecision decision = Evaluate(Paid(method, PaidAt), PaidAt.AddMinutes(1), CancelMode.UnpaidOnly);

        Assert.Equal(new EligibilityDecision(EligibilityVerdict.NothingToCancel, null, "C2", null, decision.Reason), decision);
        Assert.StartsWith("paid, nothing to cancel", decision.Reason, StringComparison.Ordinal);
    }

    private static (EligibilityVerdict, string) Pair(EligibilityDecision decision) => (decision.Verdict, decision.Rule);
}
