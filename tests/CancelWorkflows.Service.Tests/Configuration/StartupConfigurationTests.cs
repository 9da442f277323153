using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Configuration;

/// <summary>Bad configuration stops the service at start, exit code 3, with a message that names the setting to fix.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Production_MissingMerchantKey_ExitsNamingAntomMerchantPrivateKeyPath()
    {
        var settings = ProductionSettings();
        settings.Remove("Antom__MerchantPrivateKeyPath");

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Antom:MerchantPrivateKeyPath", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Antom:AntomPublicKeyPath", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_MissingGateway_ExitsNamingAntomGatewayUrl()
    {
        var settings = ProductionSettings();
        settings.Remove("Antom__GatewayUrl");

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Antom:GatewayUrl", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevMode_FourRetryDelays_RefusedNamingCancelRetryDelaysBeforeAnyServerStarts()
    {
        var ports = DevModePorts.Allocate();
        var settings = new Dictionary<string, string?>(ports.ToEnvironment());
        for (var i = 0; i < 4; i++)
        {
            settings[$"Cancel__RetryDelays__{i}"] = "00:00:01";
        }

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Cancel:RetryDelays has 4 entries", output, StringComparison.Ordinal);
        Assert.Contains("A4", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, ".cancelworkflows", "temporal.db")), "the dev server was started");
        Assert.True(FreePorts.IsFree(ports.Temporal));
    }

    [Fact]
    public async Task WindowWiderThanAntoms_RefusedNamingTheWindowSetting()
    {
        var settings = ProductionSettings();
        settings["Cancel__Windows__CardWindow"] = "8.00:00:00";

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Cancel:Windows:CardWindow", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_OverrideWideningAW1MethodAndUnknownMethodPolicyTypo_RefusedNamingBothSettings()
    {
        var settings = ProductionSettings();
        settings["Cancel__PaymentMethods__DANA"] = "Other";
        settings["Cancel__UnknownPaymentMethod"] = "Ignore";

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Cancel:PaymentMethods:DANA = Other would widen DANA", output, StringComparison.Ordinal);
        Assert.Contains("Cancel:UnknownPaymentMethod = 'Ignore' is not a policy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AntomCallMarginUnderOneSecond_RefusedNamingTheSetting()
    {
        var settings = ProductionSettings();
        settings["Cancel__AntomCallMargin"] = "00:00:00.500";

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Cancel:AntomCallMargin must be at least 00:00:01", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task W3_MerchantWindowWiderThanTheDeploymentsAndACallerOfAnUnknownMerchant_RefusedNamingBothSettings()
    {
        var settings = ProductionSettings();
        settings["Cancel__Windows__CardWindow"] = "3.00:00:00";
        settings["Antom__Merchants__brand-b__ClientId"] = "TEST_CLIENT_B";
        settings["Antom__Merchants__brand-b__GatewayUrl"] = "https://open-sea-global.alipay.com";
        settings["Antom__Merchants__brand-b__MerchantPrivateKeyPath"] = settings["Antom__MerchantPrivateKeyPath"];
        settings["Antom__Merchants__brand-b__AntomPublicKeyPath"] = settings["Antom__AntomPublicKeyPath"];
        settings["Antom__Merchants__brand-b__Windows__CardWindow"] = "5.00:00:00";
        settings["Api__Callers__booking__AntomMerchant"] = "brand-c";

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(3, exitCode);
        Assert.Contains("Antom:Merchants:brand-b:Windows:CardWindow 5.00:00:00 is wider than the deployment's (Cancel:Windows) 3.00:00:00", output, StringComparison.Ordinal);
        Assert.Contains("Api:Callers:booking:AntomMerchant = 'brand-c' is not a configured merchant", output, StringComparison.Ordinal);
    }

    /// <summary>A complete production configuration (Temporal at an address nobody listens on: validation comes first).</summary>
    private Dictionary<string, string?> ProductionSettings()
    {
        var merchantKey = Path.Combine(folder.Path, "merchant-private.pem");
        var antomKey = Path.Combine(folder.Path, "antom-public.pem");
        File.WriteAllText(merchantKey, TestKeyPairs.MerchantPrivatePem);
        File.WriteAllText(antomKey, TestKeyPairs.AntomPublicPem);
        return new Dictionary<string, string?>
        {
            ["Temporal__Address"] = $"127.0.0.1:{FreePorts.Take(1)[0]}",
            ["Urls"] = $"http://127.0.0.1:{FreePorts.Take(1)[0]}",
            ["Antom__GatewayUrl"] = "https://open-sea-global.alipay.com",
            ["Antom__ClientId"] = "TEST_CLIENT",
            ["Antom__MerchantPrivateKeyPath"] = merchantKey,
            ["Antom__AntomPublicKeyPath"] = antomKey,
            ["Api__ApiKeys__booking"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("booking-key"))),
        };
    }

    private async Task<(int? ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var service = ServiceProcess.Start(folder.Path, settings);
        var exitCode = await service.WaitForExitAsync(ExitTimeout);
        return (exitCode, service.Output);
    }
}
