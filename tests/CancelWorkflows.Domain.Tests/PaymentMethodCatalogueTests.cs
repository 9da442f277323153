using System.Text;
using System.Text.Json;
using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

/// <summary>Lookups and the rules of the catalogue file itself; the rows by Table 1 row are in <see cref="PaymentMethodCatalogueRowsTests"/>.</summary>
public class PaymentMethodCatalogueTests
{
    private static readonly string[] RequiredFields = ["name", "country", "paymentType", "source"];

    [Theory]
    [InlineData("jkopay", "JKOPAY", PaymentMethodCategory.JkoPay)]
    [InlineData("Mercadopago_Br", "MERCADOPAGO_BR", PaymentMethodCategory.MercadoPago)]
    [InlineData("  dana ", "DANA", PaymentMethodCategory.IndonesianLocal)]
    [InlineData("banktransfer_bangkokbank", "BANKTRANSFER_BANGKOKBANK", PaymentMethodCategory.ThaiBanking)]
    public void Categorize_CodeInAnyCase_ReturnsCatalogueSpelling(string asked, string canonical, PaymentMethodCategory expected)
    {
        Assert.Equal(new PaymentMethodLookup(canonical, expected, Known: true), PaymentMethodCatalogue.Default.Categorize(asked));
    }

    [Theory]
    [InlineData("NEW_WALLET_XYZ")]
    [InlineData("ONLINEBANKING_BBL")]
    [InlineData("CONNECT_WALLET")] // Alipay+ cashier: the wallet behind it may be Indonesian, so no single row; left unknown on purpose
    [InlineData("DIDI_PAY_LATER")] // no Antom source gives its country; left unknown on purpose
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
    public void EmbeddedFile_EveryRowHasCountryPaymentTypeAndANonEmptySource()
    {
        using Stream stream = typeof(PaymentMethodCatalogue).Assembly.GetManifestResourceStream("CancelWorkflows.Domain.payment-methods.json")!;
        using JsonDocument document = JsonDocument.Parse(stream);

        var entries = document.RootElement.GetProperty("methods").EnumerateArray().ToList();

        Assert.Equal(PaymentMethodCatalogue.Default.Entries.Count, entries.Count);
        Assert.All(entries, entry =>
        {
            string code = entry.GetProperty("code").GetString()!;
            foreach (string field in RequiredFields)
            {
                Assert.True(
                    entry.TryGetProperty(field, out JsonElement value) && !string.IsNullOrWhiteSpace(value.GetString()),
                    $"{code} has no {field}");
            }
        });
    }

    [Fact]
    public void WithOverrides_NarrowsAndDeclares_WithoutChangingTheOriginal()
    {
        PaymentMethodCatalogue original = PaymentMethodCatalogue.Default;
        var overrides = new Dictionary<string, PaymentMethodCategory>
        {
            ["truemoney"] = PaymentMethodCategory.ThaiBanking,
            ["NEW_INDONESIAN_WALLET"] = PaymentMethodCategory.IndonesianLocal,
        };

        PaymentMethodCatalogue configured = original.WithOverrides(overrides, CancelWindows.Antom);

        Assert.Equal(new PaymentMethodLookup("TRUEMONEY", PaymentMethodCategory.ThaiBanking, true), configured.Categorize("truemoney"));
        Assert.Equal(new PaymentMethodLookup("NEW_INDONESIAN_WALLET", PaymentMethodCategory.IndonesianLocal, true), configured.Categorize("new_indonesian_wallet"));
        Assert.Equal(original.Entries.Count + 1, configured.Entries.Count);
        PaymentMethodInfo declared = configured.Methods.Single(m => m.Code == "NEW_INDONESIAN_WALLET");
        Assert.Equal("configuration: Cancel:PaymentMethods:NEW_INDONESIAN_WALLET", declared.Source);
        PaymentMethodInfo narrowed = configured.Methods.Single(m => m.Code == "TRUEMONEY");
        Assert.Equal(original.Methods.Single(m => m.Code == "TRUEMONEY").Source, narrowed.Source);
        Assert.Equal(new PaymentMethodLookup("TRUEMONEY", PaymentMethodCategory.Other, true), original.Categorize("TRUEMONEY"));
        Assert.False(original.Categorize("NEW_INDONESIAN_WALLET").Known);
    }

    [Fact]
    public void WithOverrides_WideningACataloguedMethod_ThrowsNamingTheSetting()
    {
        var overrides = new Dictionary<string, PaymentMethodCategory> { ["DANA"] = PaymentMethodCategory.Other };

        var error = Assert.Throws<ArgumentException>(() => PaymentMethodCatalogue.Default.WithOverrides(overrides, CancelWindows.Antom));
        Assert.Contains("Cancel:PaymentMethods:DANA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithOverrides_UndefinedCategory_Throws()
    {
        var overrides = new Dictionary<string, PaymentMethodCategory> { ["X"] = (PaymentMethodCategory)42 };

        var error = Assert.Throws<ArgumentException>(() => PaymentMethodCatalogue.Default.WithOverrides(overrides, CancelWindows.Antom));
        Assert.Contains("42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithOverrides_BlankCode_Throws()
    {
        var overrides = new Dictionary<string, PaymentMethodCategory> { [" "] = PaymentMethodCategory.Card };

        Assert.Throws<ArgumentException>(() => PaymentMethodCatalogue.Default.WithOverrides(overrides, CancelWindows.Antom));
    }

    [Fact]
    public void Load_SmallFile_UsesOnlyItsCodes()
    {
        PaymentMethodCatalogue catalogue = LoadText("""{"methods":[{"code":"X_PAY","category":"MercadoPago","source":"test"}]}""");

        Assert.Equal(new PaymentMethodLookup("X_PAY", PaymentMethodCategory.MercadoPago, true), catalogue.Categorize("x_pay"));
        Assert.Equal(new PaymentMethodLookup("CARD", PaymentMethodCategory.Other, false), catalogue.Categorize("CARD"));
        Assert.Equal([new PaymentMethodInfo("X_PAY", null, null, null, PaymentMethodCategory.MercadoPago, "test", null)], catalogue.Methods);
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
