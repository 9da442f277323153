using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Tests.Api;

public sealed class ApiKeyRegistryTests
{
    [Fact]
    public void FindCaller_KeyWhoseHashIsConfigured_ReturnsTheCallerName()
    {
        var registry = Registry(("booking", "key-of-booking"), ("ticketing", "key-of-ticketing"));

        Assert.Equal("booking", registry.FindCaller("key-of-booking")?.Name);
        Assert.Equal("ticketing", registry.FindCaller("key-of-ticketing")?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("key-of-bookinG")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void FindCaller_UnknownKey_ReturnsNull(string presented) =>
        Assert.Null(Registry(("booking", "key-of-booking")).FindCaller(presented));

    [Fact]
    public void Validator_Production_NoKeysOrABadHash_FailsNamingApiApiKeys()
    {
        var validator = new ApiOptionsValidator(ServiceMode.Production);

        var empty = validator.Validate(null, new ApiOptions());
        var bad = validator.Validate(null, new ApiOptions { ApiKeys = { ["booking"] = "not-hex" } });

        Assert.Contains(empty.Failures!, f => f.StartsWith("Api:ApiKeys", StringComparison.Ordinal));
        Assert.Contains(bad.Failures!, f => f.StartsWith("Api:ApiKeys:booking", StringComparison.Ordinal));
    }

    private static ApiKeyRegistry Registry(params (string Caller, string Key)[] callers)
    {
        var options = new ApiOptions();
        foreach (var (caller, key) in callers)
        {
            options.ApiKeys[caller] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        Assert.True(new ApiOptionsValidator(ServiceMode.Production).Validate(null, options).Succeeded);
        return new ApiKeyRegistry(Options.Create(options), ServiceMode.Production);
    }
}
