using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

public class CancelWindowsTests
{
    [Fact]
    public void Antom_W3W4W5C5_AreTheSeedValues()
    {
        Assert.Equal(
            new CancelWindows(TimeSpan.FromDays(7), TimeSpan.FromDays(7), new TimeSpan(0, 15, 0), TimeSpan.FromMinutes(14)),
            CancelWindows.Antom);
    }

    [Fact]
    public void Narrowed_NarrowerOrEqualWindows_AreAccepted()
    {
        var contract = new CancelWindows(TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));

        Assert.Same(contract, CancelWindows.Narrowed(contract));
        Assert.Same(CancelWindows.Antom, CancelWindows.Antom.Validate());
    }

    public static TheoryData<CancelWindows, string, string, string> Widened => new()
    {
        { CancelWindows.Antom with { CardWindow = TimeSpan.FromDays(8) }, "Cancel:Windows:CardWindow", "8.00:00:00", "7.00:00:00" },
        { CancelWindows.Antom with { MercadoPagoWindow = TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1)) }, "Cancel:Windows:MercadoPagoWindow", "7.00:00:01", "7.00:00:00" },
        { CancelWindows.Antom with { NextDayCutoff = TimeSpan.FromMinutes(16) }, "Cancel:Windows:NextDayCutoff", "00:16:00", "00:15:00" },
        { CancelWindows.Antom with { UnpaidValidity = TimeSpan.FromMinutes(15) }, "Cancel:Windows:UnpaidValidity", "00:15:00", "00:14:00" },
    };

    [Theory]
    [MemberData(nameof(Widened))]
    public void Narrowed_WideningAnyWindow_IsRefusedNamingSettingAndBothValues(CancelWindows requested, string setting, string configured, string antom)
    {
        var error = Assert.Throws<CancelWindowsException>(() => CancelWindows.Narrowed(requested));

        Assert.Equal($"{setting} {configured} is wider than Antom's {antom}; a merchant contract may narrow a window, never widen it", error.Message);
        Assert.Equal(setting, error.Setting);
    }

    [Fact]
    public void Validate_CardWindowEightDays_CarriesBothValues()
    {
        var error = Assert.Throws<CancelWindowsException>(() => (CancelWindows.Antom with { CardWindow = TimeSpan.FromDays(8) }).Validate());

        Assert.Equal(TimeSpan.FromDays(8), error.Configured);
        Assert.Equal(TimeSpan.FromDays(7), error.Antom);
    }

    public static TheoryData<CancelWindows, string> NotPositive => new()
    {
        { CancelWindows.Antom with { CardWindow = TimeSpan.Zero }, "Cancel:Windows:CardWindow 00:00:00 must be positive (Antom's is 7.00:00:00)" },
        { CancelWindows.Antom with { MercadoPagoWindow = TimeSpan.FromDays(-1) }, "Cancel:Windows:MercadoPagoWindow -1.00:00:00 must be positive (Antom's is 7.00:00:00)" },
        { CancelWindows.Antom with { NextDayCutoff = TimeSpan.Zero }, "Cancel:Windows:NextDayCutoff 00:00:00 must be positive (Antom's is 00:15:00)" },
        { CancelWindows.Antom with { UnpaidValidity = TimeSpan.FromSeconds(-1) }, "Cancel:Windows:UnpaidValidity -00:00:01 must be positive (Antom's is 00:14:00)" },
    };

    [Theory]
    [MemberData(nameof(NotPositive))]
    public void Validate_ZeroOrNegativeWindow_IsRefused(CancelWindows requested, string message)
    {
        var error = Assert.Throws<CancelWindowsException>(requested.Validate);

        Assert.Equal(message, error.Message);
    }

    private const string BrandB = "Antom:Merchants:brand-b:Windows";

    /// <summary>A deployment that already narrowed the card window to 3 days.</summary>
    private static readonly CancelWindows Deployment = CancelWindows.Antom with { CardWindow = TimeSpan.FromDays(3) };

    public static TheoryData<CancelWindows, string> MerchantWiderThanTheDeployment => new()
    {
        // W3: inside Antom's 7 days, but wider than the deployment's 3.
        { Deployment with { CardWindow = TimeSpan.FromDays(4) }, $"{BrandB}:CardWindow 4.00:00:00 is wider than the deployment's (Cancel:Windows) 3.00:00:00; a merchant contract may narrow a window, never widen it" },
        { Deployment with { MercadoPagoWindow = TimeSpan.FromDays(8) }, $"{BrandB}:MercadoPagoWindow 8.00:00:00 is wider than the deployment's (Cancel:Windows) 7.00:00:00; a merchant contract may narrow a window, never widen it" },
        { Deployment with { NextDayCutoff = TimeSpan.FromMinutes(20) }, $"{BrandB}:NextDayCutoff 00:20:00 is wider than the deployment's (Cancel:Windows) 00:15:00; a merchant contract may narrow a window, never widen it" },
        { Deployment with { UnpaidValidity = TimeSpan.Zero }, $"{BrandB}:UnpaidValidity 00:00:00 must be positive (the deployment's (Cancel:Windows) is 00:14:00)" },
    };

    [Theory]
    [MemberData(nameof(MerchantWiderThanTheDeployment))]
    public void WithinDeployment_W3W4W5C5_AMerchantWindowWiderThanTheDeploymentsIsRefusedNamingTheMerchantsSetting(CancelWindows merchant, string message)
    {
        var error = Assert.Throws<CancelWindowsException>(() => merchant.WithinDeployment(Deployment, BrandB));

        Assert.Equal(message, error.Message);
        Assert.StartsWith(BrandB, error.Setting, StringComparison.Ordinal);
    }

    [Fact]
    public void WithinDeployment_W3_NarrowerOrEqualToTheDeployments_IsAccepted()
    {
        var merchant = Deployment with { CardWindow = TimeSpan.FromDays(1), NextDayCutoff = TimeSpan.FromMinutes(15) };

        Assert.Same(merchant, merchant.WithinDeployment(Deployment, BrandB));
    }

    [Fact]
    public void WithinDeployment_ADeploymentWiderThanAntom_IsRefusedFirst()
    {
        var wide = CancelWindows.Antom with { CardWindow = TimeSpan.FromDays(9) };

        var error = Assert.Throws<CancelWindowsException>(() => CancelWindows.Antom.WithinDeployment(wide, BrandB));

        Assert.Equal("Cancel:Windows:CardWindow", error.Setting);
    }
}
