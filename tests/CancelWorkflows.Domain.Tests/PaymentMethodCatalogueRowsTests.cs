using System.Text.RegularExpressions;
using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

/// <summary>
/// The catalogue, Table 1 row by row (W1–W5): every code listed per row, and the rules that tie a row's country and payment
/// type to its category, so a row added later in the wrong category fails here.
/// </summary>
public class PaymentMethodCatalogueRowsTests
{
    private static readonly Regex AntomSource = new(
        @"^(https://github\.com/alipay/global-open-sdk-(java|python|dotnet|php)/blob/[0-9a-f]{40}/\S+" +
        @"|https://global\.alipay\.com/docs/\S+|https://docs\.antom\.com/\S+)",
        RegexOptions.CultureInvariant);

    private static IReadOnlyList<PaymentMethodInfo> Rows => PaymentMethodCatalogue.Default.Methods;

    [Theory]
    [InlineData("DANA")]
    [InlineData("OVO")]
    [InlineData("GOPAY_ID")]
    [InlineData("SHOPEEPAY_ID")]
    [InlineData("LINKAJA")]
    [InlineData("DOKU")]
    [InlineData("QRIS")]
    [InlineData("KREDIVO_ID")]
    [InlineData("AKULAKU_PAYLATER")]
    [InlineData("OCTOCLICKS")]
    [InlineData("ONLINEBANKING_BCA")]
    [InlineData("ONLINEBANKING_BNI")]
    [InlineData("ONLINEBANKING_BRI")]
    [InlineData("ONLINEBANKING_MANDIRI")]
    [InlineData("BANKTRANSFER_BNI")]
    [InlineData("BANKTRANSFER_BSI")]
    [InlineData("BANKTRANSFER_MANDIRI")]
    [InlineData("BANKTRANSFER_MAYBANK")]
    [InlineData("BANKTRANSFER_PERMATA")]
    [InlineData("CIMBNIAGA")]
    [InlineData("ATMTRANSFER_ID")]
    public void Categorize_W1_EveryIndonesianLocalMethod_IsIndonesianLocal(string code)
    {
        Assert.Equal(new PaymentMethodLookup(code, PaymentMethodCategory.IndonesianLocal, Known: true), PaymentMethodCatalogue.Default.Categorize(code));
    }

    [Fact]
    public void Categorize_W1_JkoPay_IsJkoPay()
    {
        Assert.Equal(new PaymentMethodLookup("JKOPAY", PaymentMethodCategory.JkoPay, Known: true), PaymentMethodCatalogue.Default.Categorize("JKOPAY"));
    }

    [Theory]
    [InlineData("ONLINEBANKING_BANGKOKBANK")]
    [InlineData("ONLINEBANKING_BANKOFAYUDHYA")]
    [InlineData("ONLINEBANKING_KASIKORNBANK")]
    [InlineData("ONLINEBANKING_KRUNGTHAIBANK")]
    [InlineData("ONLINEBANKING_SIAMCOMMERCIALBANK")]
    [InlineData("ONLINBANKING_BANGKOKBANK")]
    [InlineData("ONLINBANKING_BANKOFAYUDHYA")]
    [InlineData("ONLINBANKING_KASIKORNBANK")]
    [InlineData("ONLINBANKING_KRUNGTHAIBANK")]
    [InlineData("ONLINBANKING_SIAMCOMMERICALBANK")]
    [InlineData("BANKAPP_BANGKOKBANK")]
    [InlineData("BANKAPP_BANKOFAYUDHYA")]
    [InlineData("BANKAPP_KRUNGTHAIBANK")]
    [InlineData("BANKAPP_SIAMCOMMERCIALBANK")]
    [InlineData("BANKAPP_SIAMCOMMERICALBANK")]
    [InlineData("BANKTRANSFER_BANGKOKBANK")]
    [InlineData("BANKTRANSFER_BANKOFAYUDHYA")]
    [InlineData("BANKTRANSFER_GOVERNMENTSAVINGSBANK")]
    [InlineData("BANKTRANSFER_KASIKORNBANK")]
    [InlineData("BANKTRANSFER_KRUNGTHAIBANK")]
    [InlineData("BANKTRANSFER_SIAMCOMMERCIALBANK")]
    [InlineData("KPLUS")]
    [InlineData("PROMPTPAY")]
    [InlineData("DIRECT_DEBIT_KRUNGTHAIBANK")]
    [InlineData("DIRECT_DEBIT_SIAMCOMMERCIALBANK")]
    public void Categorize_W2_EveryThaiBankingMethod_IsThaiBanking(string code)
    {
        Assert.Equal(new PaymentMethodLookup(code, PaymentMethodCategory.ThaiBanking, Known: true), PaymentMethodCatalogue.Default.Categorize(code));
    }

    [Theory]
    [InlineData("CARD")]
    [InlineData("MIXEDCARD")]
    [InlineData("APPLEPAY")]
    [InlineData("GOOGLEPAY")]
    public void Categorize_W3_EveryCardMethod_IsCard(string code)
    {
        Assert.Equal(new PaymentMethodLookup(code, PaymentMethodCategory.Card, Known: true), PaymentMethodCatalogue.Default.Categorize(code));
    }

    [Theory]
    [InlineData("MERCADOPAGO_BR")]
    [InlineData("MERCADOPAGO_CL")]
    [InlineData("MERCADOPAGO_MX")]
    [InlineData("MERCADOPAGO_PE")]
    public void Categorize_W4_MercadoPagoBrazilChileMexicoPeru_IsMercadoPago(string code)
    {
        Assert.Equal(new PaymentMethodLookup(code, PaymentMethodCategory.MercadoPago, Known: true), PaymentMethodCatalogue.Default.Categorize(code));
    }

    [Theory]
    [InlineData("TRUEMONEY")] // Thai wallet
    [InlineData("RABBIT_LINE_PAY")] // Thai wallet
    [InlineData("SHOPEEPAY_TH")] // Thai wallet
    [InlineData("AKULAKU_PAYLATER_PH")] // the Philippine Akulaku, unlike the Indonesian one
    [InlineData("ALIPAY_CN")]
    [InlineData("GCASH")]
    [InlineData("PAYNOW")]
    [InlineData("ONLINEBANKING_FPX")]
    [InlineData("KONBINI")]
    [InlineData("PIX")]
    public void Categorize_W5_ThaiWalletsAndEveryOtherMethod_IsOther(string code)
    {
        Assert.Equal(new PaymentMethodLookup(code, PaymentMethodCategory.Other, Known: true), PaymentMethodCatalogue.Default.Categorize(code));
    }

    /// <summary>Antom lists these; before this catalogue they fell to W5 and the product sent cancels the rules forbid.</summary>
    [Theory]
    [InlineData("OCTOCLICKS", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("DOKU", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("AKULAKU_PAYLATER", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("BANKTRANSFER_BANGKOKBANK", PaymentMethodCategory.ThaiBanking)]
    [InlineData("BANKTRANSFER_BANKOFAYUDHYA", PaymentMethodCategory.ThaiBanking)]
    [InlineData("BANKTRANSFER_KRUNGTHAIBANK", PaymentMethodCategory.ThaiBanking)]
    [InlineData("BANKTRANSFER_SIAMCOMMERCIALBANK", PaymentMethodCategory.ThaiBanking)]
    [InlineData("PROMPTPAY", PaymentMethodCategory.ThaiBanking)]
    public void Categorize_W1W2_MethodsMissingBefore_NowKnownInTheirRow(string code, PaymentMethodCategory expected)
    {
        Assert.Equal(new PaymentMethodLookup(code, expected, Known: true), PaymentMethodCatalogue.Default.Categorize(code));
    }

    [Fact]
    public void Rows_EveryRowHasCountryPaymentTypeAndAnAntomSource()
    {
        Assert.All(Rows, row =>
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Name), $"{row.Code}: no name");
            Assert.False(string.IsNullOrWhiteSpace(row.Country), $"{row.Code}: no country");
            Assert.False(string.IsNullOrWhiteSpace(row.PaymentType), $"{row.Code}: no paymentType");
            Assert.True(row.Source is not null && AntomSource.IsMatch(row.Source), $"{row.Code}: source '{row.Source}' is not an Antom page or an Antom SDK file at a commit");
        });
    }

    [Fact]
    public void Rows_W1_IndonesiaAndIndonesianLocalGoTogether()
    {
        Assert.All(Rows, row => Assert.True(
            (row.Country == "ID") == (row.Category == PaymentMethodCategory.IndonesianLocal),
            $"{row.Code}: country {row.Country}, category {row.Category}"));
    }

    [Fact]
    public void Rows_W2_ThaiBankingIsExactlyTheThaiBankingTypes()
    {
        static bool IsBanking(string type) =>
            type.Contains("online banking", StringComparison.Ordinal)
            || type.Contains("mobile banking app", StringComparison.Ordinal)
            || type.Contains("bank transfer", StringComparison.Ordinal)
            || type.Contains("direct debit", StringComparison.Ordinal);

        Assert.All(Rows, row => Assert.True(
            (row.Country == "TH" && IsBanking(row.PaymentType!)) == (row.Category == PaymentMethodCategory.ThaiBanking),
            $"{row.Code}: country {row.Country}, type {row.PaymentType}, category {row.Category}"));
    }

    [Fact]
    public void Rows_W3W4_CardsAreCardsAndMercadoPagoIsMercadoPago()
    {
        Assert.All(Rows, row =>
        {
            Assert.True(row.PaymentType!.StartsWith("card", StringComparison.Ordinal) == (row.Category == PaymentMethodCategory.Card), $"{row.Code}: {row.PaymentType}, {row.Category}");
            Assert.True(row.Code.StartsWith("MERCADOPAGO_", StringComparison.Ordinal) == (row.Category == PaymentMethodCategory.MercadoPago), $"{row.Code}: {row.Category}");
            Assert.True(row.Code == "JKOPAY" == (row.Category == PaymentMethodCategory.JkoPay), $"{row.Code}: {row.Category}");
        });
    }

    [Theory]
    [InlineData("KPLUS")]
    [InlineData("PROMPTPAY")]
    [InlineData("DIRECT_DEBIT_KRUNGTHAIBANK")]
    [InlineData("DIRECT_DEBIT_SIAMCOMMERCIALBANK")]
    [InlineData("TRUEMONEY")]
    [InlineData("RABBIT_LINE_PAY")]
    [InlineData("SHOPEEPAY_TH")]
    [InlineData("AKULAKU_PAYLATER")]
    [InlineData("APPLEPAY")]
    [InlineData("GOOGLEPAY")]
    public void Rows_BorderlineRow_ExplainsItsCategoryInItsNote(string code)
    {
        PaymentMethodInfo row = Rows.Single(r => r.Code == code);

        Assert.StartsWith("Borderline", row.Note, StringComparison.Ordinal);
    }
}
