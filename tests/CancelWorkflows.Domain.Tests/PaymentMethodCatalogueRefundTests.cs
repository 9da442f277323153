using System.Text;
using System.Text.Json;
using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

/// <summary>The catalogue's <c>refund</c> column (RF3, RF4): parsed, sourced, and what the product will meet first.</summary>
public class PaymentMethodCatalogueRefundTests
{
    private static readonly string[] Supports = ["supported", "notSupported", "unknown"];

    [Fact]
    public void EmbeddedFile_EveryRowStatesRefund_AndEveryStatedSupportHasAnAntomSource()
    {
        using Stream stream = typeof(PaymentMethodCatalogue).Assembly.GetManifestResourceStream("CancelWorkflows.Domain.payment-methods.json")!;
        using JsonDocument document = JsonDocument.Parse(stream);

        Assert.All(document.RootElement.GetProperty("methods").EnumerateArray(), entry =>
        {
            string code = entry.GetProperty("code").GetString()!;
            Assert.True(entry.TryGetProperty("refund", out JsonElement refund), $"{code} has no refund column");
            string support = refund.GetProperty("support").GetString()!;
            Assert.Contains(support, Supports);
            if (support != "unknown")
            {
                Assert.StartsWith("https://docs.antom.com/", refund.GetProperty("source").GetString(), StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Default_EveryNotSupportedRow_HasASource()
    {
        var notSupported = PaymentMethodCatalogue.Default.Methods.Where(m => m.Refund.Support == RefundSupport.NotSupported).ToList();

        Assert.NotEmpty(notSupported);
        Assert.All(notSupported, m => Assert.False(string.IsNullOrWhiteSpace(m.Refund.Source), $"{m.Code} is notSupported without a source"));
    }

    [Theory]
    [InlineData("ONLINEBANKING_BANGKOKBANK")]
    [InlineData("ONLINBANKING_SIAMCOMMERICALBANK")]
    [InlineData("BANKTRANSFER_KRUNGTHAIBANK")]
    [InlineData("BANKTRANSFER_GOVERNMENTSAVINGSBANK")]
    [InlineData("BANKAPP_SIAMCOMMERCIALBANK")]
    [InlineData("PROMPTPAY")]
    [InlineData("OVO")]
    public void RefundOf_RF4_MethodsAntomShowsWithoutRefund_AreNotSupported(string code)
    {
        Assert.Equal(RefundSupport.NotSupported, PaymentMethodCatalogue.Default.RefundOf(code).Support);
    }

    [Theory]
    [InlineData("KPLUS", 365)]
    [InlineData("TRUEMONEY", 365)]
    [InlineData("ALIPAY_CN", 365)]
    [InlineData("CARD", 365)]
    [InlineData("MERCADOPAGO_BR", 180)]
    [InlineData("mercadopago_pe", 180)]
    public void RefundOf_RF3_SupportedMethods_CarryTheirPeriod(string code, int days)
    {
        PaymentMethodRefund refund = PaymentMethodCatalogue.Default.RefundOf(code);

        Assert.Equal((RefundSupport.Supported, days), (refund.Support, refund.PeriodDays));
        Assert.Equal(TimeSpan.FromDays(days), refund.Period);
    }

    [Fact]
    public void RefundOf_W2_EveryThaiBankingMethod_IsDecidedExceptTheDirectDebits()
    {
        var thai = PaymentMethodCatalogue.Default.Methods.Where(m => m.Category == PaymentMethodCategory.ThaiBanking).ToList();

        Assert.Equal(
            ["DIRECT_DEBIT_KRUNGTHAIBANK", "DIRECT_DEBIT_SIAMCOMMERCIALBANK"],
            thai.Where(m => m.Refund.Support == RefundSupport.Unknown).Select(m => m.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("NEW_WALLET_XYZ")]
    [InlineData("DANA")] // catalogued, but no Antom page seen says
    [InlineData(null)]
    [InlineData(" ")]
    public void RefundOf_UncataloguedOrUnstated_IsUnknownWithTheDefaultYear(string? code)
    {
        PaymentMethodRefund refund = PaymentMethodCatalogue.Default.RefundOf(code);

        Assert.Equal(PaymentMethodRefund.Unknown, refund);
        Assert.Equal(TimeSpan.FromDays(365), refund.Period);
    }

    [Fact]
    public void WithOverrides_KeepsTheRefundColumn_ADeclaredCodeIsUnknown()
    {
        var configured = PaymentMethodCatalogue.Default.WithOverrides(
            new Dictionary<string, PaymentMethodCategory> { ["TRUEMONEY"] = PaymentMethodCategory.ThaiBanking, ["NEW_WALLET"] = PaymentMethodCategory.Other },
            CancelWindows.Antom);

        Assert.Equal(PaymentMethodCatalogue.Default.RefundOf("TRUEMONEY"), configured.RefundOf("TRUEMONEY"));
        Assert.Equal(PaymentMethodRefund.Unknown, configured.RefundOf("NEW_WALLET"));
    }

    [Fact]
    public void Load_RowWithoutTheColumn_IsUnknown()
    {
        PaymentMethodCatalogue catalogue = LoadText("""{"methods":[{"code":"X","category":"Other","source":"s"}]}""");

        Assert.Equal(PaymentMethodRefund.Unknown, catalogue.RefundOf("X"));
    }

    [Fact]
    public void Load_StatedColumn_Parses()
    {
        PaymentMethodCatalogue catalogue = LoadText(
            """{"methods":[{"code":"X","category":"Other","source":"s","refund":{"support":"supported","periodDays":90,"source":"https://docs.antom.com/x","note":"n"}}]}""");

        Assert.Equal(new PaymentMethodRefund(RefundSupport.Supported, 90, "https://docs.antom.com/x", "n"), catalogue.RefundOf("x"));
    }

    [Theory]
    [InlineData("""{"support":"notSupported"}""", "without a source")]
    [InlineData("""{"support":"supported","source":" "}""", "without a source")]
    [InlineData("""{"support":"maybe","source":"s"}""", "expected supported, notSupported or unknown")]
    [InlineData("""{"support":"1","source":"s"}""", "expected supported")]
    [InlineData("""{"source":"s"}""", "expected supported")]
    [InlineData("""{"support":"notSupported","periodDays":30,"source":"s"}""", "only a supported refund has a period")]
    [InlineData("""{"support":"supported","periodDays":0,"source":"s"}""", "1 to")]
    [InlineData("""{"support":"supported","periodDays":5000,"source":"s"}""", "1 to")]
    public void Load_BadColumn_ThrowsInvalidDataNamingTheCode(string refund, string expectedMessagePart)
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadText($$"""{"methods":[{"code":"BAD_ROW","category":"Other","refund":{{refund}}}]}"""));

        Assert.Contains("BAD_ROW", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
    }

    private static PaymentMethodCatalogue LoadText(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return PaymentMethodCatalogue.Load(stream);
    }
}
