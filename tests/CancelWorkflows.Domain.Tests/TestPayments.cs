using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

/// <summary>Builders for the facts the policy reads; every time in the tests carries an explicit offset.</summary>
internal static class TestPayments
{
    public static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);

    /// <summary>An Other (W5) wallet, a card, a Mercado Pago, an Indonesian, JKOPay and a Thai bank code from the catalogue.</summary>
    public const string OtherWallet = "ALIPAY_HK";
    public const string Card = "CARD";
    public const string MercadoPago = "MERCADOPAGO_BR";
    public const string Indonesian = "DANA";
    public const string JkoPay = "JKOPAY";
    public const string ThaiBank = "ONLINBANKING_KRUNGTHAIBANK";

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second, TimeSpan offset) =>
        new(year, month, day, hour, minute, second, offset);

    public static DateTimeOffset AtUtc8(int year, int month, int day, int hour, int minute, int second = 0) =>
        At(year, month, day, hour, minute, second, Utc8);

    public static PaymentFacts Paid(string? method, DateTimeOffset paymentTime, bool captured = false, bool refunded = false) =>
        new(PaymentStatus.Success, method, paymentTime.AddMinutes(-2), paymentTime, captured, refunded, new Money("USD", "1000"));

    public static PaymentFacts Unpaid(string? method, DateTimeOffset? createTime, PaymentStatus status = PaymentStatus.Processing, bool refunded = false) =>
        new(status, method, createTime, null, Captured: false, refunded, new Money("USD", "1000"));

    public static EligibilityDecision Evaluate(
        PaymentFacts facts,
        DateTimeOffset now,
        CancelMode mode = CancelMode.Standard,
        UnknownPaymentMethodPolicy unknownMethod = UnknownPaymentMethodPolicy.TreatAsOther) =>
        CancelWindowPolicy.Evaluate(facts, now, CancelWindows.Antom, PaymentMethodCatalogue.Default, mode, unknownMethod);
}
