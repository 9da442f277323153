using CancelWorkflows.Domain;
using static CancelWorkflows.Domain.Tests.TestPayments;

namespace CancelWorkflows.Domain.Tests;

/// <summary>INITIATED / PROCESSING / PENDING: C1 inside the 14-minute validity, C5 after it; W1 never; W2 yes; N3.</summary>
public class CancelWindowPolicyUnpaidTests
{
    private static readonly DateTimeOffset Created = AtUtc8(2024, 5, 1, 12, 0);

    public static TheoryData<DateTimeOffset, string> ValidityBoundary => new()
    {
        { AtUtc8(2024, 5, 1, 12, 0), "C1" },
        { AtUtc8(2024, 5, 1, 12, 13, 59), "C1" },
        { At(2024, 5, 1, 4, 13, 59, TimeSpan.Zero), "C1" },
        { AtUtc8(2024, 5, 1, 12, 14, 0), "C5" },
        { At(2024, 5, 1, 4, 14, 0, TimeSpan.Zero), "C5" },
        { AtUtc8(2024, 5, 2, 9, 0), "C5" },
    };

    [Theory]
    [MemberData(nameof(ValidityBoundary))]
    public void Evaluate_C1C5_FourteenMinuteValidity_DecidesTheRule(DateTimeOffset now, string rule)
    {
        EligibilityDecision decision = Evaluate(Unpaid(OtherWallet, Created), now);

        Assert.Equal((EligibilityVerdict.Proceed, (CancelKind?)CancelKind.VoidUnpaid, rule, (string?)null), (decision.Verdict, decision.Kind, decision.Rule, decision.Advice));
    }

    [Theory]
    [InlineData(PaymentStatus.Initiated)]
    [InlineData(PaymentStatus.Processing)]
    public void Evaluate_C1_EveryUnpaidStatusInsideValidity_VoidsUnpaid(PaymentStatus status)
    {
        EligibilityDecision decision = Evaluate(Unpaid(OtherWallet, Created, status), AtUtc8(2024, 5, 1, 12, 5));

        Assert.Equal((CancelKind?)CancelKind.VoidUnpaid, decision.Kind);
        Assert.Equal("C1", decision.Rule);
    }

    [Fact]
    public void Evaluate_C5_PendingInsideValidity_IsResultUnknown()
    {
        EligibilityDecision decision = Evaluate(Unpaid(OtherWallet, Created, PaymentStatus.Pending), AtUtc8(2024, 5, 1, 12, 1));

        Assert.Equal((EligibilityVerdict.Proceed, (CancelKind?)CancelKind.VoidUnpaid, "C5"), (decision.Verdict, decision.Kind, decision.Rule));
    }

    [Fact]
    public void Evaluate_C5_MissingCreateTime_IsTreatedAsPastValidity()
    {
        EligibilityDecision decision = Evaluate(Unpaid(OtherWallet, createTime: null), AtUtc8(2024, 5, 1, 12, 1));

        Assert.Equal((EligibilityVerdict.Proceed, (CancelKind?)CancelKind.VoidUnpaid, "C5"), (decision.Verdict, decision.Kind, decision.Rule));
    }

    [Fact]
    public void Evaluate_C1_NarrowedValidity_MovesTheBoundary()
    {
        var windows = CancelWindows.Antom with { UnpaidValidity = TimeSpan.FromMinutes(5) };

        EligibilityDecision decision = CancelWindowPolicy.Evaluate(Unpaid(OtherWallet, Created), AtUtc8(2024, 5, 1, 12, 5), windows, PaymentMethodCatalogue.Default);

        Assert.Equal("C5", decision.Rule);
    }

    [Theory]
    [InlineData(Indonesian, PaymentStatus.Processing)]
    [InlineData("QRIS", PaymentStatus.Initiated)]
    [InlineData(JkoPay, PaymentStatus.Processing)]
    [InlineData(JkoPay, PaymentStatus.Pending)]
    public void Evaluate_W1_UnpaidIndonesianOrJkoPay_NotCancellable(string method, PaymentStatus status)
    {
        EligibilityDecision decision = Evaluate(Unpaid(method, Created, status), AtUtc8(2024, 5, 1, 12, 1));

        Assert.Equal(new EligibilityDecision(EligibilityVerdict.NotCancellable, null, "W1", CancelAdvice.WaitForExpiry, decision.Reason), decision);
    }

    [Theory]
    [InlineData(ThaiBank)]
    [InlineData("BANKAPP_BANGKOKBANK")]
    [InlineData("KPLUS")]
    public void Evaluate_W2_UnpaidThaiBanking_Proceeds(string method)
    {
        EligibilityDecision decision = Evaluate(Unpaid(method, Created), AtUtc8(2024, 5, 1, 12, 1));

        Assert.Equal((EligibilityVerdict.Proceed, (CancelKind?)CancelKind.VoidUnpaid, "C1"), (decision.Verdict, decision.Kind, decision.Rule));
        Assert.Contains("W2", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MERCADOPAGO_BR")]
    [InlineData("MERCADOPAGO_PE")]
    public void Evaluate_N3_UnpaidMercadoPago_ClosesItWhateverTheTime(string method)
    {
        EligibilityDecision decision = Evaluate(Unpaid(method, Created), AtUtc8(2024, 5, 4, 12, 0));

        Assert.Equal((EligibilityVerdict.Proceed, (CancelKind?)CancelKind.CloseMercadoPago, "N3"), (decision.Verdict, decision.Kind, decision.Rule));
    }

    [Fact]
    public void Evaluate_C1_UnpaidCard_VoidsUnpaid()
    {
        EligibilityDecision decision = Evaluate(Unpaid(Card, Created), AtUtc8(2024, 5, 1, 12, 1));

        Assert.Equal((EligibilityVerdict.Proceed, (CancelKind?)CancelKind.VoidUnpaid, "C1"), (decision.Verdict, decision.Kind, decision.Rule));
    }

    [Fact]
    public void Evaluate_C1_UnpaidInPromoMode_StillProceeds()
    {
        EligibilityDecision decision = Evaluate(Unpaid(OtherWallet, Created), AtUtc8(2024, 5, 1, 12, 1), CancelMode.UnpaidOnly);

        Assert.Equal((EligibilityVerdict.Proceed, (CancelKind?)CancelKind.VoidUnpaid, "C1"), (decision.Verdict, decision.Kind, decision.Rule));
    }

    /// <summary>C5 in promo-expiry mode: PENDING means the buyer has paid and Antom's result is awaited; a cancel now would
    /// refund a buyer who kept the deal if it succeeds, so unpaid-only mode leaves it alone, whatever the method.</summary>
    [Theory]
    [InlineData(OtherWallet)]
    [InlineData(ThaiBank)]
    [InlineData(Card)]
    [InlineData(MercadoPago)]
    public void Evaluate_C5_PendingInPromoMode_NothingToCancel(string method)
    {
        EligibilityDecision decision = Evaluate(Unpaid(method, Created, PaymentStatus.Pending), AtUtc8(2024, 5, 1, 12, 1), CancelMode.UnpaidOnly);

        Assert.Equal((EligibilityVerdict.NothingToCancel, (CancelKind?)null, "C5"), (decision.Verdict, decision.Kind, decision.Rule));
        Assert.StartsWith("payment pending, nothing to cancel", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_W1_PendingInPromoMode_StillW1()
    {
        EligibilityDecision decision = Evaluate(Unpaid(Indonesian, Created, PaymentStatus.Pending), AtUtc8(2024, 5, 1, 12, 1), CancelMode.UnpaidOnly);

        Assert.Equal((EligibilityVerdict.NotCancellable, "W1"), (decision.Verdict, decision.Rule));
    }
}
