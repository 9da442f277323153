using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>Bad <c>Promotions:*</c> settings stop the service at start (exit code 3), naming the setting.</summary>
public sealed class PromotionStartupTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("Promotions__CatchupWindow", "00:00:01", "Promotions:CatchupWindow")]
    [InlineData("Promotions__MaxParallel", "0", "Promotions:MaxParallel")]
    [InlineData("Promotions__ContinueAsNewEvery", "1500", "Promotions:ContinueAsNewEvery")]
    [InlineData("Promotions__HoldsSourceUrl", "not a url", "Promotions:HoldsSourceUrl")]
    [InlineData("Promotions__Timeout", "01:00:00", "Promotions:Timeout")]
    public async Task DevMode_BadPromotionSetting_Exits3NamingIt(string variable, string value, string setting)
    {
        var settings = new Dictionary<string, string?>(DevModePorts.Allocate().ToEnvironment()) { [variable] = value };
        await using var service = ServiceProcess.Start(folder.Path, settings);

        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 3, $"exit {exitCode}: {service.Output}");
        Assert.Contains(setting, service.Output, StringComparison.Ordinal);
    }
}
