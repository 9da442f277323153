using CancelWorkflows.Domain;
using CancelWorkflows.Service.Configuration;

namespace CancelWorkflows.Service.Tests.Configuration;

public sealed class CancelOptionsValidatorTests
{
    private readonly CancelOptionsValidator validator = new();

    [Fact]
    public void Validate_Defaults_SucceedWithA3Delays()
    {
        var options = new CancelOptions();

        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)], options.EffectiveRetryDelays);
    }

    [Fact]
    public void Validate_ThreeRetryDelays_Succeeds()
    {
        var options = new CancelOptions { RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)] };

        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.Equal(options.RetryDelays, options.EffectiveRetryDelays);
    }

    [Fact]
    public void Validate_A4_FourRetryDelays_FailsNamingTheSetting()
    {
        var options = new CancelOptions { RetryDelays = [.. Enumerable.Repeat(TimeSpan.FromSeconds(1), 4)] };

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:RetryDelays has 4 entries", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ZeroDelay_FailsNamingItsIndex()
    {
        var options = new CancelOptions { RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.Zero] };

        var result = validator.Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:RetryDelays:1 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ZeroReconciliationWatchWindow_FailsNamingTheSetting()
    {
        var options = new CancelOptions { ReconciliationWatchWindow = TimeSpan.Zero };

        var result = validator.Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:ReconciliationWatchWindow ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    public void Validate_AntomCallMarginUnderOneSecond_FailsNamingTheSetting(int milliseconds)
    {
        var options = new CancelOptions { AntomCallMargin = TimeSpan.FromMilliseconds(milliseconds) };

        var result = validator.Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:AntomCallMargin must be at least 00:00:01", StringComparison.Ordinal));
        Assert.True(validator.Validate(null, new CancelOptions { AntomCallMargin = TimeSpan.FromSeconds(1) }).Succeeded);
    }

    [Fact]
    public void Validate_EscalationMaxPollIntervalBelowThePollInterval_FailsNamingTheSetting()
    {
        var options = new CancelOptions { EscalationPollInterval = TimeSpan.FromHours(2), EscalationMaxPollInterval = TimeSpan.FromHours(1) };

        var result = validator.Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:EscalationMaxPollInterval ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ZeroConfirmationInquiryTimeout_FailsNamingTheSetting()
    {
        var result = validator.Validate(null, new CancelOptions { ConfirmationInquiryTimeout = TimeSpan.Zero });

        Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:ConfirmationInquiryTimeout ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CardWindow")]
    [InlineData("MercadoPagoWindow")]
    [InlineData("NextDayCutoff")]
    [InlineData("UnpaidValidity")]
    public void Validate_WindowWiderThanAntoms_FailsNamingTheWindow(string window)
    {
        var options = new CancelOptions();
        var wider = TimeSpan.FromDays(8);
        switch (window)
        {
            case "CardWindow": options.Windows.CardWindow = wider; break;
            case "MercadoPagoWindow": options.Windows.MercadoPagoWindow = wider; break;
            case "NextDayCutoff": options.Windows.NextDayCutoff = wider; break;
            default: options.Windows.UnpaidValidity = wider; break;
        }

        var result = validator.Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith($"Cancel:Windows:{window} ", StringComparison.Ordinal) && f.Contains("wider", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_Narrowed_AreUsedAndTheRestStayAntoms()
    {
        var options = new CancelOptions { Windows = { CardWindow = TimeSpan.FromDays(2) } };

        var windows = options.Windows.ToWindows();

        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromDays(2), windows.CardWindow);
        Assert.Equal(CancelWindows.Antom.MercadoPagoWindow, windows.MercadoPagoWindow);
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("3")]
    [InlineData("")]
    public void Validate_UnknownPaymentMethodCategory_FailsNamingTheCode(string category)
    {
        var options = new CancelOptions { PaymentMethods = { ["NEWPAY"] = category } };

        var result = validator.Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:PaymentMethods:NEWPAY ", StringComparison.Ordinal));
    }

    [Fact]
    public void PaymentMethodOverrides_KnownCategory_ChangesTheCatalogue()
    {
        var catalogue = PaymentMethodOverrides.BuildCatalogue(new Dictionary<string, string> { ["NEWPAY"] = "other" }, CancelWindows.Antom);

        Assert.Equal(PaymentMethodCategory.Other, catalogue.Categorize("NEWPAY").Category);
        Assert.True(catalogue.Categorize("NEWPAY").Known);
        Assert.True(validator.Validate(null, new CancelOptions { PaymentMethods = { ["NEWPAY"] = "Other" } }).Succeeded);
    }

    [Theory]
    [InlineData("TreatAsOther", UnknownPaymentMethodPolicy.TreatAsOther)]
    [InlineData("refuse", UnknownPaymentMethodPolicy.Refuse)]
    public void Validate_UnknownPaymentMethodPolicyName_SucceedsAndIsRead(string value, UnknownPaymentMethodPolicy expected)
    {
        var options = new CancelOptions { UnknownPaymentMethod = value };

        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.True(options.TryGetUnknownPaymentMethod(out var policy));
        Assert.Equal(expected, policy);
    }

    [Fact]
    public void Validate_UnknownPaymentMethodDefault_IsTreatAsOther()
    {
        Assert.True(new CancelOptions().TryGetUnknownPaymentMethod(out var policy));
        Assert.Equal(UnknownPaymentMethodPolicy.TreatAsOther, policy);
    }

    [Theory]
    [InlineData("Ignore")]
    [InlineData("1")]
    [InlineData("")]
    public void Validate_UnknownPaymentMethodNotAPolicy_FailsNamingTheSetting(string value)
    {
        var result = validator.Validate(null, new CancelOptions { UnknownPaymentMethod = value });

        Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:UnknownPaymentMethod ", StringComparison.Ordinal));
    }

    /// <summary>A catalogued method may move only to a row that allows no more (docs/rules.md, narrowing order).</summary>
    [Theory]
    [InlineData("DANA", "Other")] // W1 → W5
    [InlineData("JKOPAY", "ThaiBanking")] // W1 → W2
    [InlineData("BANKTRANSFER_BANGKOKBANK", "Other")] // W2 → W5
    [InlineData("PROMPTPAY", "Card")] // W2 → W3
    [InlineData("CARD", "Other")] // W3 → W5: not comparable
    [InlineData("ALIPAY_CN", "Card")] // W5 → W3: not comparable
    [InlineData("ALIPAY_CN", "MercadoPago")] // W5 → W4
    [InlineData("MERCADOPAGO_BR", "Other2")] // not a category at all
    public void Validate_OverrideWideningACataloguedMethod_FailsNamingTheSetting(string code, string category)
    {
        var result = validator.Validate(null, new CancelOptions { PaymentMethods = { [code] = category } });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith($"Cancel:PaymentMethods:{code} ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DANA", "JkoPay")] // W1 → W1
    [InlineData("TRUEMONEY", "ThaiBanking")] // W5 → W2
    [InlineData("ALIPAY_CN", "IndonesianLocal")] // W5 → W1
    [InlineData("CARD", "ThaiBanking")] // W3 → W2
    [InlineData("MERCADOPAGO_BR", "Card")] // W4 → W3
    [InlineData("MERCADOPAGO_BR", "Other")] // W4 → W5
    [InlineData("promptpay", "thaibanking")] // the same row, any case
    public void Validate_OverrideNarrowingACataloguedMethod_Succeeds(string code, string category)
    {
        var options = new CancelOptions { PaymentMethods = { [code] = category } };

        Assert.True(validator.Validate(null, options).Succeeded);
    }

    /// <summary>A code the catalogue lacks may be declared no wider than W5, what Cancel:UnknownPaymentMethod would apply.</summary>
    [Theory]
    [InlineData("IndonesianLocal", true)]
    [InlineData("JkoPay", true)]
    [InlineData("ThaiBanking", true)]
    [InlineData("Other", true)]
    [InlineData("Card", false)]
    [InlineData("MercadoPago", false)]
    public void Validate_OverrideDeclaringAnUncataloguedCode_AllowedUpToW5(string category, bool allowed)
    {
        var result = validator.Validate(null, new CancelOptions { PaymentMethods = { ["NEW_WALLET_XYZ"] = category } });

        Assert.Equal(allowed, result.Succeeded);
        if (!allowed)
        {
            Assert.Contains(result.Failures!, f => f.StartsWith("Cancel:PaymentMethods:NEW_WALLET_XYZ ", StringComparison.Ordinal)
                && f.Contains("does not have", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_MercadoPagoAsOther_RefusedOnceTheMercadoPagoWindowEndsBeforeTheNextDayCutoff()
    {
        var options = new CancelOptions
        {
            Windows = { MercadoPagoWindow = TimeSpan.FromHours(12) },
            PaymentMethods = { ["MERCADOPAGO_BR"] = "Other" },
        };

        var result = validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Cancel:PaymentMethods:MERCADOPAGO_BR = Other would widen", failure, StringComparison.Ordinal);
        Assert.Contains("Cancel:Windows:NextDayCutoff", failure, StringComparison.Ordinal);
    }
}
