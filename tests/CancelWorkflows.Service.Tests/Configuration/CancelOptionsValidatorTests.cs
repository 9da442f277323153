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
        var catalogue = PaymentMethodOverrides.BuildCatalogue(new Dictionary<string, string> { ["NEWPAY"] = "card" });

        Assert.Equal(PaymentMethodCategory.Card, catalogue.Categorize("NEWPAY").Category);
        Assert.True(validator.Validate(null, new CancelOptions { PaymentMethods = { ["NEWPAY"] = "Card" } }).Succeeded);
    }
}
