using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Antom.Tests;

/// <summary>Configuration <c>Antom:*</c> (docs/design.md, fixed keys) is validated at start-up; each message names the setting
/// an operator has to fix and never repeats key material.</summary>
public sealed class AntomClientOptionsValidationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("antom-options-").FullName;
    private readonly string privatePath;
    private readonly string publicPath;

    public AntomClientOptionsValidationTests()
    {
        privatePath = Path.Combine(directory, "merchant-private.pem");
        publicPath = Path.Combine(directory, "antom-public.pem");
        File.WriteAllText(privatePath, TestKeys.MerchantPrivatePem);
        File.WriteAllText(publicPath, TestKeys.AntomPublicPem);
    }

    [Fact]
    public void AddAntomClient_CompleteConfiguration_ValidatesAndResolvesClient()
    {
        using var provider = Build(Valid());

        var options = provider.GetRequiredService<IOptions<AntomClientOptions>>().Value;

        Assert.Equal("http://127.0.0.1:5090", options.GatewayUrl);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.IsType<AntomClient>(provider.GetRequiredService<IAntomClient>());
    }

    [Theory]
    [InlineData("Antom:GatewayUrl")]
    [InlineData("Antom:ClientId")]
    public void AddAntomClient_MissingRequiredSetting_OptionsValidationExceptionNamingIt(string setting)
    {
        var settings = Valid();
        settings.Remove(setting);

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains(setting, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://")]
    [InlineData("/ams/api")]
    public void AddAntomClient_GatewayUrlNotHttp_OptionsValidationExceptionNamingIt(string url)
    {
        var settings = Valid();
        settings["Antom:GatewayUrl"] = url;

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Single(e.Failures, f => f.Contains("Antom:GatewayUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Antom:MerchantPrivateKeyPath")]
    [InlineData("Antom:AntomPublicKeyPath")]
    public void AddAntomClient_KeyNotConfigured_OptionsValidationExceptionNamingPathSetting(string setting)
    {
        var settings = Valid();
        settings.Remove(setting);

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains(setting, e.Message, StringComparison.Ordinal);
        Assert.Contains("required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_KeyFileMissing_OptionsValidationExceptionNamingSettingAndPath()
    {
        var settings = Valid();
        var missing = Path.Combine(directory, "nope.pem");
        settings["Antom:MerchantPrivateKeyPath"] = missing;

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Antom:MerchantPrivateKeyPath", e.Message, StringComparison.Ordinal);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_KeyFileIsGarbage_OptionsValidationExceptionWithoutContent()
    {
        var settings = Valid();
        var garbage = Path.Combine(directory, "garbage.pem");
        File.WriteAllText(garbage, "-----BEGIN PUBLIC KEY-----\nSUPERSECRETSUPERSECRET\n-----END PUBLIC KEY-----");
        settings["Antom:AntomPublicKeyPath"] = garbage;

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Antom:AntomPublicKeyPath", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SUPERSECRET", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_InlineKeyGarbage_OptionsValidationExceptionNamingInlineSettingWithoutContent()
    {
        var settings = Valid();
        settings.Remove("Antom:MerchantPrivateKeyPath");
        settings["Antom:MerchantPrivateKey"] = "MIIsecretsecretsecret";

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Antom:MerchantPrivateKey:", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secretsecret", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_MerchantPublicKeyWhereTheMerchantPrivateKeyBelongs_Fails()
    {
        var settings = Valid();
        settings["Antom:MerchantPrivateKeyPath"] = publicPath;

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Antom:MerchantPrivateKeyPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_KeyAsPathAndInline_FailsAskingForExactlyOne()
    {
        var settings = Valid();
        settings["Antom:AntomPublicKey"] = TestKeys.AntomPublicPem;

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Antom:AntomPublicKeyPath and Antom:AntomPublicKey are both set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_InlineKeys_Valid()
    {
        var settings = Valid();
        settings.Remove("Antom:MerchantPrivateKeyPath");
        settings.Remove("Antom:AntomPublicKeyPath");
        settings["Antom:MerchantPrivateKey"] = TestKeys.MerchantPrivatePem;
        settings["Antom:AntomPublicKey"] = TestKeys.AntomPublicPem;

        using var provider = Build(settings);

        Assert.NotNull(provider.GetRequiredService<IOptions<AntomClientOptions>>().Value);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    public void AddAntomClient_NonPositiveTimeout_FailsNamingIt(string timeout)
    {
        var settings = Valid();
        settings["Antom:Timeout"] = timeout;

        var e = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Antom:Timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_SeveralProblems_AllReportedTogether()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Build([]).GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Antom:GatewayUrl", e.Message, StringComparison.Ordinal);
        Assert.Contains("Antom:ClientId", e.Message, StringComparison.Ordinal);
        Assert.Contains("Antom:MerchantPrivateKeyPath", e.Message, StringComparison.Ordinal);
        Assert.Contains("Antom:AntomPublicKeyPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_OtherSectionPath_KeyMessagesNameThatSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Antom:GatewayUrl"] = "http://127.0.0.1:5090",
            ["Payments:Antom:ClientId"] = "c",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddAntomClient("Payments:Antom");
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Payments:Antom:MerchantPrivateKeyPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAntomClient_ConfigureDelegate_ValidatedToo()
    {
        var services = new ServiceCollection();
        services.AddAntomClient(o =>
        {
            o.GatewayUrl = "http://127.0.0.1:5090";
            o.ClientId = "c";
            o.MerchantPrivateKeyPath = privatePath;
        });
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AntomClientOptions>>().Value);

        Assert.Contains("Antom:AntomPublicKeyPath", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Antom:MerchantPrivateKeyPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAntomClient_InvalidConfiguration_HostFailsAtStart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Antom:ClientId"] = "c" });
        builder.Services.AddAntomClient();
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Antom:GatewayUrl", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAntomClient_FromConfiguration_TypedClientCallsGateway()
    {
        await using var antom = await FakeAntom.AnsweringAsync("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}");
        var settings = Valid();
        settings["Antom:GatewayUrl"] = antom.BaseUrl.ToString();
        settings["Antom:ClientId"] = ClientFactory.SandboxClientId;
        using var provider = Build(settings);

        var call = await provider.GetRequiredService<IAntomClient>().CancelAsync(new CancelWorkflows.Antom.Wire.CancelRequest(null, "pr-di"));

        Assert.True(call.Answered, call.Detail);
        Assert.Equal("/ams/sandbox/api/v1/payments/cancel", antom.Single.Path);
        Assert.True(antom.Single.SignatureValid);
    }

    [Fact]
    public void AddAntomClient_HttpClient_HasInfiniteTimeoutSoOursRules()
    {
        using var provider = Build(Valid());

        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IAntomClient));

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private Dictionary<string, string?> Valid() => new()
    {
        ["Antom:GatewayUrl"] = "http://127.0.0.1:5090",
        ["Antom:ClientId"] = ClientFactory.ProductionClientId,
        ["Antom:MerchantPrivateKeyPath"] = privatePath,
        ["Antom:AntomPublicKeyPath"] = publicPath,
        ["Antom:Timeout"] = "00:00:03",
    };

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(l => l.ClearProviders());
        services.AddAntomClient();
        return services.BuildServiceProvider();
    }
}
