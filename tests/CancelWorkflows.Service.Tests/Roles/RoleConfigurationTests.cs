using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Tests.Roles;

/// <summary>
/// Each role starts only what it needs and validates only the settings it needs (the matrix in the service README), on
/// the real host composition (Program's <c>AddCancelWorkflows</c> and <c>UseCancelWorkflows</c>) in this process. Temporal
/// is an address nobody listens on: start-up validation comes before any connection.
/// </summary>
public sealed class RoleConfigurationTests : IDisposable
{
    private readonly TempFolder folder = new("cw-role-config-");

    public RoleConfigurationTests()
    {
        File.WriteAllText(MerchantKey, TestKeyPairs.MerchantPrivatePem);
        File.WriteAllText(AntomKey, TestKeyPairs.AntomPublicPem);
    }

    private string MerchantKey => Path.Combine(folder.Path, "merchant-private.pem");

    private string AntomKey => Path.Combine(folder.Path, "antom-public.pem");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("api")]
    [InlineData("ingress")]
    [InlineData("worker")]
    [InlineData("api,ingress")]
    [InlineData("all")]
    public async Task Role_WithExactlyTheSettingsOfTheMatrix_Starts(string roles)
    {
        var refusals = await InProcessService.RefusalsAsync(ServiceOptions.ParseRoles(roles), Settings(roles));

        Assert.Empty(refusals);
    }

    [Theory]
    [InlineData("api", "Api:ApiKeys:booking", "Api:ApiKeys")]
    [InlineData("all", "Api:ApiKeys:booking", "Api:ApiKeys")]
    [InlineData("ingress", "Antom:ClientId", "Antom:ClientId")]
    [InlineData("ingress", "Antom:AntomPublicKeyPath", "Antom:AntomPublicKeyPath")]
    [InlineData("worker", "Antom:GatewayUrl", "Antom:GatewayUrl")]
    [InlineData("worker", "Antom:ClientId", "Antom:ClientId")]
    [InlineData("worker", "Antom:MerchantPrivateKeyPath", "Antom:MerchantPrivateKeyPath")]
    [InlineData("worker", "Antom:AntomPublicKeyPath", "Antom:AntomPublicKeyPath")]
    [InlineData("api,worker", "Antom:MerchantPrivateKeyPath", "Antom:MerchantPrivateKeyPath")]
    public async Task Role_WithoutASettingItNeeds_RefusedNamingIt(string roles, string removed, string named)
    {
        var settings = Settings(roles);
        Assert.True(settings.Remove(removed), $"{removed} is not among the {roles} settings");

        var refusals = await InProcessService.RefusalsAsync(ServiceOptions.ParseRoles(roles), settings);

        Assert.Contains(refusals, r => r.Contains(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api", "Antom:MerchantPrivateKeyPath")]
    [InlineData("ingress", "Antom:MerchantPrivateKeyPath")]
    [InlineData("ingress", "Antom:GatewayUrl")]
    public async Task Role_ASettingOnlyOthersNeedIsInvalid_NotLookedAt(string roles, string setting)
    {
        // Proof that a setting is not read: give it a value its own validation would refuse.
        var settings = Settings(roles);
        settings[setting] = setting == "Antom:GatewayUrl" ? "not a url" : Path.Combine(folder.Path, "no-such-key.pem");

        var refusals = await InProcessService.RefusalsAsync(ServiceOptions.ParseRoles(roles), settings);

        Assert.Empty(refusals);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:10:01")]
    public async Task ShutdownGrace_OutOfRange_RefusedNamingServiceShutdownGrace(string grace)
    {
        var settings = Settings("worker");
        settings["Service:ShutdownGrace"] = grace;

        var refusals = await InProcessService.RefusalsAsync(ServiceRoles.Worker, settings);

        Assert.Contains(refusals, r => r.Contains("Service:ShutdownGrace", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Temporal:Worker:MaxConcurrentWorkflowTaskPolls", "0")]
    [InlineData("Temporal:Worker:MaxConcurrentActivityTaskPolls", "101")]
    public async Task WorkerPollers_OutOfRange_RefusedNamingTheSetting(string setting, string value)
    {
        var settings = Settings("worker");
        settings[setting] = value;
        settings["Temporal:Worker:MaxConcurrentActivities"] = "200";

        var refusals = await InProcessService.RefusalsAsync(ServiceRoles.Worker, settings);

        Assert.Contains(refusals, r => r.Contains(setting, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkerPollers_MoreThanSlots_RefusedNamingBoth()
    {
        var settings = Settings("worker");
        settings["Temporal:Worker:MaxConcurrentWorkflowTasks"] = "4";
        settings["Temporal:Worker:MaxConcurrentWorkflowTaskPolls"] = "8";

        var refusals = await InProcessService.RefusalsAsync(ServiceRoles.Worker, settings);

        var refusal = Assert.Single(refusals);
        Assert.Contains("Temporal:Worker:MaxConcurrentWorkflowTaskPolls", refusal, StringComparison.Ordinal);
        Assert.Contains("Temporal:Worker:MaxConcurrentWorkflowTasks", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api", "self,temporal")]
    [InlineData("ingress", "self,temporal")]
    [InlineData("api,ingress", "self,temporal")]
    [InlineData("worker", "self,temporal,worker")]
    [InlineData("all", "self,temporal,worker")]
    public async Task Health_ChecksOnlyItsOwnParts(string roles, string checks)
    {
        await using var app = InProcessService.Build(ServiceOptions.ParseRoles(roles), Settings(roles));

        var registered = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name);

        Assert.Equal(checks.Split(','), registered.Order());
    }

    [Theory]
    [InlineData("api", "/alive,/health,/openapi/{documentName}.json,/v1/cancellations,/v1/promotions")]
    [InlineData("ingress", "/alive,/health,/v1/antom/notifications")]
    [InlineData("worker", "/alive,/health")]
    public async Task Endpoints_OnlyThoseOfItsRoles(string roles, string expected)
    {
        await using var app = InProcessService.Build(ServiceOptions.ParseRoles(roles), Settings(roles));

        var paths = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Select(p => p.StartsWith("/v1/cancellations", StringComparison.Ordinal) ? "/v1/cancellations"
                : p.StartsWith("/v1/promotions", StringComparison.Ordinal) ? "/v1/promotions"
                : p)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected.Split(','), paths);
    }

    [Theory]
    [InlineData("worker", "00:00:45", 60)]
    [InlineData("worker", null, 45)]
    [InlineData("api,ingress", "00:00:45", 30)]
    public async Task HostShutdownTimeout_InAWorkerLongerThanTheGrace_ElseAspNetsDefault(string roles, string? grace, int seconds)
    {
        var settings = Settings(roles);
        settings["Service:ShutdownGrace"] = grace;
        await using var app = InProcessService.Build(ServiceOptions.ParseRoles(roles), settings);

        var host = app.Services.GetRequiredService<IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(seconds), host.ShutdownTimeout);
    }

    /// <summary>What deploy/README.md's table gives each role, as configuration keys (Temporal where nobody listens).</summary>
    private Dictionary<string, string?> Settings(string roles)
    {
        var list = roles.Split(',');
        var all = list.Contains("all");
        var settings = new Dictionary<string, string?> { ["Temporal:Address"] = $"127.0.0.1:{FreePorts.Take(1)[0]}" };
        if (all || list.Contains("api"))
        {
            settings["Api:ApiKeys:booking"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash("booking-key"));
        }

        if (all || list.Contains("ingress") || list.Contains("worker"))
        {
            settings["Antom:ClientId"] = "ROLES_MERCHANT";
            settings["Antom:AntomPublicKeyPath"] = AntomKey;
        }

        if (all || list.Contains("worker"))
        {
            settings["Antom:GatewayUrl"] = "https://open-sea-global.alipay.com";
            settings["Antom:MerchantPrivateKeyPath"] = MerchantKey;
        }

        return settings;
    }
}
