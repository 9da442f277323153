using CancelWorkflows.Service.Configuration;

namespace CancelWorkflows.Service.Tests.Configuration;

public sealed class TemporalOptionsValidatorTests
{
    private readonly TemporalOptionsValidator validator = new();

    [Fact]
    public void Validate_NoAddress_IsDevModeAndValid()
    {
        var options = new TemporalOptions();

        Assert.True(options.IsDevMode);
        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("temporal.example.com:7233")]
    [InlineData("127.0.0.1:7233")]
    [InlineData("[::1]:7233")]
    public void Validate_HostAndPort_Succeeds(string address) =>
        Assert.True(validator.Validate(null, new TemporalOptions { Address = address }).Succeeded);

    [Theory]
    [InlineData("temporal.example.com")]
    [InlineData("http://temporal:7233")]
    [InlineData("temporal:99999")]
    public void Validate_NotHostAndPort_FailsNamingTemporalAddress(string address)
    {
        var result = validator.Validate(null, new TemporalOptions { Address = address });

        Assert.Contains(result.Failures!, f => f.StartsWith("Temporal:Address", StringComparison.Ordinal));
    }

    [Fact]
    public void ApiKey_WithoutTlsSetting_TurnsTlsOn()
    {
        var options = new TemporalOptions { Address = "ns.tmprl.cloud:7233", ApiKey = "secret" };

        Assert.True(options.UsesTls);
        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void ApiKey_WithTlsOff_FailsNamingBothSettings()
    {
        var result = validator.Validate(null, new TemporalOptions { Address = "temporal:7233", ApiKey = "secret", Tls = false });

        Assert.Contains(result.Failures!, f => f.Contains("Temporal:ApiKey", StringComparison.Ordinal) && f.Contains("Temporal:Tls", StringComparison.Ordinal));
    }
}
