using CancelWorkflows.Antom.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Antom.Tests.Support;

/// <summary>An <see cref="AntomClient"/> wired to a <see cref="FakeAntom"/> with the test keys.</summary>
internal static class ClientFactory
{
    public const string ProductionClientId = "2188120000000001";
    public const string SandboxClientId = "SANDBOX_5YBZ1234TEST";

    public static AntomClient Create(
        Uri gateway,
        string clientId = ProductionClientId,
        TimeSpan? timeout = null,
        ILogger<AntomClient>? logger = null,
        TimeProvider? time = null,
        string? merchantAccountId = null,
        HttpClient? http = null)
    {
        var options = new AntomClientOptions
        {
            GatewayUrl = gateway.ToString(),
            ClientId = clientId,
            MerchantPrivateKey = TestKeys.MerchantPrivatePem,
            AntomPublicKey = TestKeys.AntomPublicPem,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            MerchantAccountId = merchantAccountId,
        };
        return new AntomClient(http ?? new HttpClient(), Options.Create(options), time ?? TimeProvider.System, logger ?? NullLogger<AntomClient>.Instance);
    }
}
