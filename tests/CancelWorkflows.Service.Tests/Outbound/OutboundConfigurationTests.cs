using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Outbound;
using CancelWorkflows.Service.Promotions;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Outbound;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Tests.Outbound;

/// <summary>Operator-configured outbound targets are checked at start as far as they can be without a lookup; each
/// message names its setting.</summary>
public sealed class OutboundConfigurationTests
{
    private static readonly IOptions<OutboundOptions> Production = Options.Create(new OutboundOptions());
    private static readonly IOptions<OutboundOptions> DevMode = Options.Create(new OutboundOptions { AllowLoopback = true });

    public static TheoryData<string, bool, bool, bool> WebhookUrls => new()
    {
        // url, AllowPrivateNetwork, dev mode (loopback), accepted
        { "https://support.example/hooks/escalations", false, false, true },
        { "http://10.2.3.4:8080/hooks", false, false, false },
        { "http://10.2.3.4:8080/hooks", true, false, true },
        { "http://169.254.169.254/latest/meta-data/", true, true, false },
        { "http://metadata.google.internal/", true, true, false },
        { "http://127.0.0.1:9000/hooks", true, false, false },
        { "http://localhost:9000/hooks", false, true, true },
        { "http://127.0.0.1:9000/hooks", false, true, true },
        { "https://ops:secret@support.example/hooks", true, false, false },
    };

    [Theory]
    [MemberData(nameof(WebhookUrls))]
    public void SupportWebhookUrl_OutboundPolicy_CheckedAtStartNamingTheSetting(string url, bool allowPrivate, bool devMode, bool accepted)
    {
        var result = new SupportOptionsValidator(devMode ? DevMode : Production)
            .Validate(null, new SupportOptions { WebhookUrl = url, AllowPrivateNetwork = allowPrivate });

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Contains(result.Failures!, f => f.StartsWith("Support:WebhookUrl is refused by the outbound policy", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(WebhookUrls))]
    public void HoldsSourceUrl_OutboundPolicy_CheckedAtStartNamingTheSetting(string url, bool allowPrivate, bool devMode, bool accepted)
    {
        var result = new HoldsSourceOptionsValidator(devMode ? DevMode : Production)
            .Validate(null, new HoldsSourceOptions { HoldsSourceUrl = url, HoldsSourceAllowPrivateNetwork = allowPrivate });

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Contains(result.Failures!, f => f.StartsWith("Promotions:HoldsSourceUrl is refused by the outbound policy", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("booking.internal", null)]
    [InlineData("booking.internal:8443", null)]
    [InlineData("10.1.2.3:9000", null)]
    [InlineData("https://booking.internal/cb", "is not host or host:port")]
    [InlineData("booking.internal/cb", "is not host or host:port")]
    [InlineData("169.254.169.254", "the address is not allowed")]
    [InlineData("127.0.0.1:8080", "the address is not allowed")]
    [InlineData("localhost", "the host name is not allowed")]
    [InlineData("metadata.google.internal", "the host name is not allowed")]
    [InlineData("booking.internal:", "empty port")]
    public void CallbackHosts_EachEntry_CheckedNamingTheCaller(string entry, string? problem)
    {
        var options = new CallbackSigningOptions { Callers = { ["booking"] = new CallerCallbackSettings { CallbackHosts = [entry] } } };

        var result = new CallbackSigningOptionsValidator(outbound: Production).Validate(null, options);

        Assert.Equal(problem is null, result.Succeeded);
        if (problem is not null)
        {
            Assert.Contains(result.Failures!, f => f.StartsWith("Api:Callers:booking:CallbackHosts has", StringComparison.Ordinal) && f.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CallbackHosts_GivenAsOneValue_RefusedShowingTheListForm()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Api:Callers:booking:CallbackHosts"] = "booking.internal" })
            .Build();

        var result = new CallbackSigningOptionsValidator(configuration, Production).Validate(null, new CallbackSigningOptions());

        Assert.Contains("Api__Callers__booking__CallbackHosts__0=booking.internal", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ConnectTimeout", "00:00:00", "Outbound:ConnectTimeout")]
    [InlineData("CallbackTimeout", "00:00:26", "Outbound:CallbackTimeout")]
    [InlineData("CallbackTimeout", "00:00:00.500", "Outbound:CallbackTimeout")]
    [InlineData("MaxResponseBytes", "70000", "Outbound:MaxResponseBytes")]
    public void OutboundLimits_OutOfRange_RefusedNamingTheSetting(string key, string value, string setting)
    {
        var options = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build()
            .Get<OutboundOptions>()!;

        var result = new OutboundOptionsValidator().Validate(null, options);

        Assert.StartsWith(setting, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void OutboundLimits_Defaults_Valid() =>
        Assert.True(new OutboundOptionsValidator().Validate(null, new OutboundOptions()).Succeeded);
}
