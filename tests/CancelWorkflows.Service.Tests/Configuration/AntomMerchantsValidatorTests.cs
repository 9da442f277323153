using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Tests.Configuration;

/// <summary>The start-up refusals of several Antom merchants, one planted mistake per row, for a process running every role.</summary>
public sealed class AntomMerchantsValidatorTests : IDisposable
{
    private static readonly string MerchantKeyPem = NewPrivatePem();
    private static readonly string AntomKeyPem = AntomKeys.ExportPublicPem(AntomKeys.LoadPrivateKey(NewPrivatePem()));
    private readonly string folder = Directory.CreateTempSubdirectory("cw-merchants-").FullName;

    public static TheoryData<string, string> Mistakes => new()
    {
        { "no client id", "Antom:Merchants:brand-b:ClientId is required" },
        { "no gateway", "Antom:Merchants:brand-b:GatewayUrl is required" },
        { "ftp gateway", "Antom:Merchants:brand-b:GatewayUrl must be an absolute http:// or https:// URL" },
        { "no private key", "Antom:Merchants:brand-b:MerchantPrivateKeyPath (or Antom:Merchants:brand-b:MerchantPrivateKey) is required" },
        { "unreadable next key", "Antom:Merchants:brand-b:AntomPublicKeyNextPath" },
        { "the default's client id", "Antom:Merchants:brand-b:ClientId is also Antom:ClientId" },
        { "W3 wider than the deployment", "Antom:Merchants:brand-b:Windows:CardWindow 8.00:00:00 is wider than the deployment's (Cancel:Windows) 7.00:00:00" },
        { "C5 not positive", "Antom:Merchants:brand-b:Windows:UnpaidValidity 00:00:00 must be positive" },
        { "unknown fallback", "Antom:Merchants:brand-b:Fallback = 'refnud' is not a fallback" },
        { "the default's name", "Antom:Merchants:default has the default merchant's name" },
        { "a quote in the name", "Antom:Merchants name 'brand'b' must be a name" },
        { "caller of an unknown merchant", "Api:Callers:booking:AntomMerchant = 'brand-c' is not a configured merchant" },
        { "caller's unknown fallback", "Api:Callers:booking:Fallback = 'always' is not a fallback" },
        { "default merchant's unknown fallback", "Antom:Fallback = 'yes' is not a fallback" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Validate_OneMistake_RefusedNamingTheSetting(string mistake, string message)
    {
        var (merchants, api) = Valid();
        var brandB = merchants.Merchants["brand-b"];
        switch (mistake)
        {
            case "no client id": brandB.ClientId = string.Empty; break;
            case "no gateway": brandB.GatewayUrl = string.Empty; break;
            case "ftp gateway": brandB.GatewayUrl = "ftp://antom.example"; break;
            case "no private key": brandB.MerchantPrivateKey = null; break;
            case "unreadable next key": brandB.AntomPublicKeyNextPath = Path.Combine(folder, "missing.pem"); break;
            case "the default's client id": brandB.ClientId = "CLIENT_A"; break;
            case "W3 wider than the deployment": brandB.Windows.CardWindow = TimeSpan.FromDays(8); break;
            case "C5 not positive": brandB.Windows.UnpaidValidity = TimeSpan.Zero; break;
            case "unknown fallback": brandB.Fallback = "refnud"; break;
            case "the default's name": Rename(merchants, "default", api); break;
            case "a quote in the name": Rename(merchants, "brand'b", api); break;
            case "caller of an unknown merchant": api.Callers["booking"].AntomMerchant = "brand-c"; break;
            case "caller's unknown fallback": api.Callers["booking"].Fallback = "always"; break;
            case "default merchant's unknown fallback": merchants.Fallback = "yes"; break;
            default: throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null);
        }

        var result = Validator(api).Validate(null, merchants);

        Assert.True(result.Failed, mistake);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(message, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoMerchantsCallerDefaultsAndANarrowerWindow_Succeeds()
    {
        var (merchants, api) = Valid();

        Assert.True(Validator(api).Validate(null, merchants).Succeeded);
    }

    [Fact]
    public void Validate_AnApiOnlyProcess_NeedsNoKeysOfTheMerchant()
    {
        var (merchants, api) = Valid();
        merchants.Merchants["brand-b"].MerchantPrivateKey = null;
        merchants.Merchants["brand-b"].AntomPublicKey = null;

        var result = new AntomMerchantsValidator(ServiceMode.ForRoles(ServiceRoles.Api), Options.Create(Flat()), Options.Create(new CancelOptions()), Options.Create(api))
            .Validate(null, merchants);

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Brand B under another name, the caller's default following it.</summary>
    private static void Rename(AntomMerchantsOptions merchants, string name, ApiOptions api)
    {
        merchants.Merchants[name] = merchants.Merchants["brand-b"];
        merchants.Merchants.Remove("brand-b");
        api.Callers["booking"].AntomMerchant = null;
    }

    private static string NewPrivatePem()
    {
        using var key = AntomKeys.Generate();
        return AntomKeys.ExportPrivatePem(key);
    }

    private static AntomClientOptions Flat() => new()
    {
        GatewayUrl = "https://open-sea-global.alipay.com",
        ClientId = "CLIENT_A",
        MerchantPrivateKey = MerchantKeyPem,
        AntomPublicKey = AntomKeyPem,
    };

    private static AntomMerchantsValidator Validator(ApiOptions api) =>
        new(ServiceMode.Production, Options.Create(Flat()), Options.Create(new CancelOptions()), Options.Create(api));

    private static (AntomMerchantsOptions Merchants, ApiOptions Api) Valid()
    {
        var merchants = new AntomMerchantsOptions();
        merchants.Merchants["brand-b"] = new AntomMerchantOptions
        {
            GatewayUrl = "https://open-sea-global.alipay.com",
            ClientId = "CLIENT_B",
            MerchantPrivateKey = MerchantKeyPem,
            AntomPublicKey = AntomKeyPem,
            Fallback = "refund",
            Windows = { CardWindow = TimeSpan.FromDays(1) },
        };
        var api = new ApiOptions();
        api.Callers["booking"] = new ApiCallerOptions { AntomMerchant = "Brand-B", Fallback = "none" };
        return (merchants, api);
    }
}
