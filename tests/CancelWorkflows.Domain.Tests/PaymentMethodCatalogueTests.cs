using System.Text;
using System.Text.Json;
using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

public class PaymentMethodCatalogueTests
{
    [Theory]
    [InlineData("DANA", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("OVO", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("GOPAY_ID", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("SHOPEEPAY_ID", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("QRIS", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("LINKAJA", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("BANKTRANSFER_BNI", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("ATMTRANSFER_ID", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("JKOPAY", PaymentMethodCategory.JkoPay)]
    [InlineData("ONLINBANKING_BANGKOKBANK", PaymentMethodCategory.ThaiBanking)]
    [InlineData("BANKAPP_SIAMCOMMERICALBANK", PaymentMethodCategory.ThaiBanking)]
    [InlineData("BANKTRANSFER_KASIKORNBANK", PaymentMethodCategory.ThaiBanking)]
    [InlineData("KPLUS", PaymentMethodCategory.ThaiBanking)]
    [InlineData("CARD", PaymentMethodCategory.Card)]
    [InlineData("APPLEPAY", PaymentMethodCategory.Card)]
    [InlineData("GOOGLEPAY", PaymentMethodCategory.Card)]
    [InlineData("MERCADOPAGO_BR", PaymentMethodCategory.MercadoPago)]
    [InlineData("MERCADOPAGO_CL", PaymentMethodCategory.MercadoPago)]
    [InlineData("MERCADOPAGO_MX", PaymentMethodCategory.MercadoPago)]
    [InlineData("MERCADOPAGO_PE", PaymentMethodCategory.MercadoPago)]
    [InlineData("ALIPAY_CN", PaymentMethodCategory.Other)]
    [InlineData("GCASH", PaymentMethodCategory.Other)]
    [InlineData("TRUEMONEY", PaymentMethodCategory.Other)]
    [InlineData("PROMPTPAY", PaymentMethodCategory.Other)]
    public void Categorize_Table1_KnownCodeMapsToItsRow(string code, PaymentMethodCategory expected)
    {
        PaymentMethodLookup lookup = PaymentMethodCatalogue.Default.Categorize(code);

        Assert.Equal(new PaymentMethodLookup(code, expected, Known: true), lookup);
    }

    [Theory]
    [InlineData("jkopay", "JKOPAY", PaymentMethodCategory.JkoPay)]
    [InlineData("Mercadopago_Br", "MERCADOPAGO_BR", PaymentMethodCategory.MercadoPago)]
    [InlineData("  dana ", "DANA", PaymentMethodCategory.IndonesianLocal)]
    public void Categorize_CodeInAnyCase_ReturnsCatalogueSpelling(string asked, string canonical, PaymentMethodCategory expected)
    {
        Assert.Equal(new PaymentMethodLookup(canonical, expected, Known: true), PaymentMethodCatalogue.Default.Categorize(asked));
    }

    [Theory]
    [InlineData("NEW_WALLET_XYZ")]
    [InlineData("ONLINEBANKING_BBL")]
    public void Categorize_W5_UnknownCode_IsOtherAndNotKnown(string code)
    {
        Assert.Equal(new PaymentMethodLookup(code, PaymentMethodCategory.Other, Known: false), PaymentMethodCatalogue.Default.Categorize(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Categorize_W5_MissingCode_IsOtherWithNullCode(string? code)
    {
        Assert.Equal(new PaymentMethodLookup(null, PaymentMethodCategory.Other, Known: false), PaymentMethodCatalogue.Default.Categorize(code));
    }

    [Fact]
    public void Default_EveryCategoryHasCodes()
    {
        var categories = PaymentMethodCatalogue.Default.Entries.Values.ToHashSet();

        Assert.Equal(Enum.GetValues<PaymentMethodCategory>().ToHashSet(), categories);
    }

    [Fact]
    public void EmbeddedFile_EveryCodeNamesItsSource()
    {
        using Stream stream = typeof(PaymentMethodCatalogue).Assembly.GetManifestResourceStream("CancelWorkflows.Domain.payment-methods.json")!;
        using JsonDocument document = JsonDocument.Parse(stream);

        var entries = document.RootElement.GetProperty("methods").EnumerateArray().ToList();

        Assert.Equal(PaymentMethodCatalogue.Default.Entries.Count, entries.Count);
        Assert.All(entries, entry =>
        {
            string code = entry.GetProperty("code").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("source").GetString()), $"{code} has no source");
        });
    }

    [Fact]
    public void WithOverrides_AddsAndRecategorises_WithoutChangingTheOriginal()
    {
        PaymentMethodCatalogue original = PaymentMethodCatalogue.Default;
        var overrides = new Dictionary<string, PaymentMethodCategory>
        {
            ["promptpay"] = PaymentMethodCategory.ThaiBanking,
            ["NEW_INDONESIAN_WALLET"] = PaymentMethodCategory.IndonesianLocal,
        };

        PaymentMethodCatalogue configured = original.WithOverrides(overrides);

        Assert.Equal(new PaymentMethodLookup("PROMPTPAY", PaymentMethodCategory.ThaiBanking, true), configured.Categorize("promptpay"));
        Assert.Equal(new PaymentMethodLookup("NEW_INDONESIAN_WALLET", PaymentMethodCategory.IndonesianLocal, true), configured.Categorize("new_indonesian_wallet"));
        Assert.Equal(original.Entries.Count + 1, configured.Entries.Count);
        Assert.Equal(new PaymentMethodLookup("PROMPTPAY", PaymentMethodCategory.Other, true), original.Categorize("PROMPTPAY"));
        Assert.False(original.Categorize("NEW_INDONESIAN_WALLET").Known);
    }

    [Fact]
    public void WithOverrides_UndefinedCategory_Throws()
    {
        var overrides = new Dictionary<string, PaymentMethodCategory> { ["X"] = (PaymentMethodCategory)42 };

        var error = Assert.Throws<ArgumentException>(() => PaymentMethodCatalogue.Default.WithOverrides(overrides));
        Assert.Contains("42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithOverrides_BlankCode_Throws()
    {
        var overrides = new Dictionary<string, PaymentMethodCategory> { [" "] = PaymentMethodCategory.Card };

        Assert.Throws<ArgumentException>(() => PaymentMethodCatalogue.Default.WithOverrides(overrides));
    }

    [Fact]
    public void Load_SmallFile_UsesOnlyItsCodes()
    {
        PaymentMethodCatalogue catalogue = LoadText("""{"methods":[{"code":"X_PAY","category":"MercadoPago","source":"test"}]}""");

        Assert.Equal(new PaymentMethodLookup("X_PAY", PaymentMethodCategory.MercadoPago, true), catalogue.Categorize("x_pay"));
        Assert.Equal(new PaymentMethodLookup("CARD", PaymentMethodCategory.Other, false), catalogue.Categorize("CARD"));
    }

    [Theory]
    [InlineData("""{"methods":[{"code":"A","category":"Card"},{"code":"a","category":"Other"}]}""", "more than once")]
    [InlineData("""{"methods":[{"code":" ","category":"Card"}]}""", "without a code")]
    [InlineData("""{"methods":[{"code":"A","category":"Wallet"}]}""", "not valid")]
    [InlineData("""{"methods":[{"code":"A","category":1}]}""", "not valid")]
    [InlineData("""{"methods":[{"code":"A"}]}""", "no valid category")]
    [InlineData("""{"codes":[]}""", "no \"methods\"")]
    [InlineData("""not json""", "not valid")]
    public void Load_BadFile_ThrowsInvalidData(string json, string expectedMessagePart)
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadText(json));
        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
    }

    private static PaymentMethodCatalogue LoadText(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return PaymentMethodCatalogue.Load(stream);
    }
}
