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
}
