using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>The Antom simulator on a free loopback port with one trusted merchant (two with <c>secondMerchant</c>), and a
/// real Antom client for each. Shared by the workflow tests; each test uses its own payment ids.</summary>
public sealed class SimulatedAntom(bool secondMerchant = false) : IAsyncLifetime
{
    public const string ClientId = "TEST_MERCHANT";

    /// <summary>The second merchant's client id: another Antom account with its own key pair.</summary>
    public const string SecondClientId = "TEST_MERCHANT_B";

    // Made once per test run: each RSA-2048 generation costs about 0.2 CPU-s here, and the keys are not what these tests
    // are about (the Antom tests cover generation and the simulator's kept key).
    private static readonly Lazy<KeyPems> MerchantKeys = new(NewKeyPems);
    private static readonly Lazy<KeyPems> SecondMerchantKeys = new(NewKeyPems);
    private static readonly Lazy<KeyPems> SimulatorKeys = new(NewKeyPems);

    private AntomSimulatorServer? server;
    private HttpClient? http;

    public AntomSimulatorServer Server => server ?? throw new InvalidOperationException("Simulator not started.");

    public SimulatorControlClient Control => Server.Control;

    public IAntomClient Client { get; private set; } = null!;

    /// <summary>The second merchant's client (only with <c>secondMerchant</c>).</summary>
    public IAntomClient SecondClient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new SimulatorOptions
        {
            AntomPrivateKeyPem = SimulatorKeys.Value.PrivatePem,
            Merchants = { [ClientId] = MerchantKeys.Value.PublicPem },
            DefaultClientId = ClientId,
        };
        if (secondMerchant)
        {
            options.Merchants[SecondClientId] = SecondMerchantKeys.Value.PublicPem;
        }

        server = await AntomSimulatorServer.StartAsync(options, "http://127.0.0.1:0");
        http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Client = ClientOf(ClientId, MerchantKeys.Value);
        SecondClient = secondMerchant ? ClientOf(SecondClientId, SecondMerchantKeys.Value) : null!;
    }

    private AntomClient ClientOf(string clientId, KeyPems keys) => new(
        http!,
        Options.Create(new AntomClientOptions
        {
            GatewayUrl = Server.BaseAddress.ToString(),
            ClientId = clientId,
            MerchantPrivateKey = keys.PrivatePem,
            AntomPublicKey = Server.AntomPublicKeyPem,
            Timeout = TimeSpan.FromSeconds(2),
        }),
        TimeProvider.System,
        NullLogger<AntomClient>.Instance);

    /// <summary>A payment paid a minute ago (created two minutes ago) with <paramref name="method"/>: inside every window.</summary>
    public Task PutPaidAsync(string paymentRequestId, string method) =>
        Control.PutPaymentAsync(paymentRequestId, new SimPaymentInput
        {
            PaymentMethodType = method,
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-2),
            PaymentTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });

    /// <summary>A new ALIPAY_CN payment paid a minute ago (W5: cancellable, a cancel refunds it in full, C2).</summary>
    public async Task<string> PaidPaymentAsync()
    {
        var id = NewPaymentId();
        await PutPaidAsync(id, "ALIPAY_CN");
        return id;
    }

    /// <summary>A new ALIPAY_CN payment, unpaid inside its 14-minute validity: a cancel voids it (C1).</summary>
    public async Task<string> UnpaidPaymentAsync()
    {
        var id = NewPaymentId();
        await Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "PROCESSING",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        return id;
    }

    private static KeyPems NewKeyPems()
    {
        using var rsa = AntomKeys.Generate();
        return new KeyPems(AntomKeys.ExportPrivatePem(rsa), AntomKeys.ExportPublicPem(rsa));
    }

    public static string NewPaymentId() => $"pr-{Guid.NewGuid():N}";

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>An RSA pair as the simulator and the Antom client take it: PEM text.</summary>
    private sealed record KeyPems(string PrivatePem, string PublicPem);
}
