using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Tests.Security;

/// <summary>
/// Callers and roles from configuration (hashes only, as before): <c>Api:ApiKeys:&lt;caller&gt;</c> alone is a plain
/// caller; <c>Api:Callers:&lt;caller&gt;:Roles</c> adds roles; anything the service could misread stops start-up with a
/// message naming the setting.
/// </summary>
public sealed class ApiConfigurationTests : IDisposable
{
    private static readonly string Hash = Convert.ToHexStringLower(ApiKeyRegistry.Hash("some-key"));

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Registry_KeyWithoutRoles_PlainCallerWithRolesThoseRoles()
    {
        var registry = new ApiKeyRegistry(Options.Create(Bind(new()
        {
            ["Api:ApiKeys:booking"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash("booking-key")),
            ["Api:ApiKeys:support"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash("support-key")),
            ["Api:Callers:booking:CallbackSecret"] = "a-callback-secret-of-length",
            ["Api:Callers:SUPPORT:Roles:0"] = "Operator",
            ["Api:Callers:SUPPORT:Roles:1"] = "promotions",
        })), ServiceMode.Production);

        var booking = registry.FindCaller("booking-key")!;
        var support = registry.FindCaller("support-key")!;

        Assert.Equal(["caller"], booking.Roles.Order());
        Assert.False(booking.IsOperator);
        Assert.True(booking.CanSee("booking"));
        Assert.False(booking.CanSee("ticketing"));
        Assert.False(booking.CanSee(null));
        Assert.Equal(["caller", "operator", "promotions"], support.Roles.Order());
        Assert.True(support.CanSee("booking"));
        Assert.True(support.CanSee(null));
    }

    [Theory]
    [InlineData("Api:Callers:support:Roles:0", "admin", "Api:Callers:support:Roles has 'admin', which is not a role")]
    [InlineData("Api:Callers:suport:Roles:0", "operator", "Api:Callers:suport:Roles gives roles to a caller without an API key")]
    [InlineData("Api:ApiKeys:back\\slash", "HASH", "Api:ApiKeys:back\\slash: the caller's name must be visible characters without backslashes")]
    [InlineData("Api:ApiKeys:zero\u200bwidth", "HASH", "the caller's name must be visible characters")]
    [InlineData("Api:RateLimit:PermitsPerSecond", "0", "Api:RateLimit:PermitsPerSecond must be a number above 0")]
    [InlineData("Api:RateLimit:Burst", "0", "Api:RateLimit:Burst must be a whole number from 1")]
    [InlineData("Api:Wait:MaxConcurrent", "-1", "Api:Wait:MaxConcurrent must be 0 or more")]
    [InlineData("Api:Wait:MaxConcurrentPerCaller", "-1", "Api:Wait:MaxConcurrentPerCaller must be 0 or more")]
    public void Validator_Misconfigured_FailsNamingTheSetting(string key, string value, string message)
    {
        var options = Bind(new()
        {
            ["Api:ApiKeys:support"] = Hash,
            [key] = value == "HASH" ? Hash : value,
        });

        var result = new ApiOptionsValidator(ServiceMode.Production).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_RolesAsOneValueInsteadOfAList_FailsShowingTheListForm()
    {
        var values = new Dictionary<string, string?> { ["Api:ApiKeys:support"] = Hash, ["Api:Callers:support:Roles"] = "operator" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var result = new ApiOptionsValidator(ServiceMode.Production, configuration).Validate(null, Bind(values));

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Api:Callers:support:Roles must be a list", StringComparison.Ordinal)
            && f.Contains("Api__Callers__support__Roles__0=operator", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_TwoCallersAndAnOperator_Accepted()
    {
        var options = Bind(new()
        {
            ["Api:ApiKeys:booking"] = Hash,
            ["Api:ApiKeys:ticketing"] = Hash,
            ["Api:ApiKeys:support"] = Hash,
            ["Api:Callers:support:Roles:0"] = "operator",
            ["Api:Callers:ticketing:Roles:0"] = "caller",
            ["Api:RateLimit:PermitsPerSecond"] = "0.5",
            ["Api:Wait:MaxConcurrent"] = "0",
        });

        Assert.True(new ApiOptionsValidator(ServiceMode.Production).Validate(null, options).Succeeded);
    }

    [Fact]
    public void RateLimit_Unset_DocumentedDefaultsAndGenerousInDevMode()
    {
        var unset = new ApiRateLimitOptions();

        Assert.Equal((20d, 100), unset.Effective(devMode: false));
        Assert.Equal((1000d, 2000), unset.Effective(devMode: true));
        Assert.Equal((2d, 2000), new ApiRateLimitOptions { PermitsPerSecond = 2 }.Effective(devMode: true));
    }

    [Fact]
    public async Task DevMode_UnknownRole_StopsStartUpNamingTheSettingBeforeAnyServerStarts()
    {
        var ports = DevModePorts.Allocate();
        var settings = new Dictionary<string, string?>(ports.ToEnvironment())
        {
            ["Api__ApiKeys__support"] = Hash,
            ["Api__Callers__support__Roles__0"] = "superuser",
        };

        await using var service = ServiceProcess.Start(folder.Path, settings);
        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exitCode);
        Assert.Contains("Api:Callers:support:Roles has 'superuser', which is not a role", service.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, ".cancelworkflows", "temporal.db")), "the dev server was started");
    }

    private static ApiOptions Bind(Dictionary<string, string?> values)
    {
        var options = new ApiOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ApiOptions.Section).Bind(options);
        return options;
    }
}
