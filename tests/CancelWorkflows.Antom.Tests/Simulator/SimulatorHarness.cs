using System.Security.Cryptography;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>
/// One simulator on a free loopback port, plus the REAL <see cref="AntomClient"/> pointed at it over HTTP.
/// Keys are made once per test run (2048-bit generation is the slow part), except where a test wants its own.
/// </summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public const string ClientId = "SIM_TEST_MERCHANT";

    private static readonly Lazy<(string Private, string Public)> MerchantKeys = new(NewPair);
    private static readonly Lazy<(string Private, string Public)> AntomKeyPair = new(NewPair);

    private readonly List<HttpClient> clients = [];

    private SimulatorHarness(AntomSimulatorServer server, SimulatorOptions options)
    {
        Server = server;
        Options = options;
    }

    public static string MerchantPrivatePem => MerchantKeys.Value.Private;

    public static string MerchantPublicPem => MerchantKeys.Value.Public;

    public AntomSimulatorServer Server { get; }

    public SimulatorOptions Options { get; }

    public SimulatorControlClient Control => Server.Control;

    /// <summary>Starts a simulator trusting <see cref="ClientId"/> (and any extra merchants), notifications at 1/1000 time.</summary>
    public static async Task<SimulatorHarness> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            AntomPrivateKeyPem = AntomKeyPair.Value.Private,
            Merchants = { [ClientId] = MerchantPublicPem },
            NotificationTimeScale = 0.001,
        };
        configure?.Invoke(options);
        var server = await AntomSimulatorServer.StartAsync(options, "http://127.0.0.1:0");
        return new SimulatorHarness(server, options);
    }

    /// <summary>The real Antom client against this simulator.</summary>
    public IAntomClient Client(string clientId = ClientId, TimeSpan? timeout = null, string? merchantPrivatePem = null, string? antomPublicPem = null)
    {
        var http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        clients.Add(http);
        var options = new AntomClientOptions
        {
            GatewayUrl = Server.BaseAddress.ToString().TrimEnd('/'),
            ClientId = clientId,
            MerchantPrivateKey = merchantPrivatePem ?? MerchantPrivatePem,
            AntomPublicKey = antomPublicPem ?? Server.AntomPublicKeyPem,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        return new AntomClient(http, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<AntomClient>.Instance);
    }

    public HttpClient Raw()
    {
        var http = new HttpClient { BaseAddress = Server.BaseAddress };
        clients.Add(http);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var http in clients)
        {
            http.Dispose();
        }

        await Server.DisposeAsync();
    }

    public static (string Private, string Public) NewPair()
    {
        using var rsa = AntomKeys.Generate();
        return (AntomKeys.ExportPrivatePem(rsa), AntomKeys.ExportPublicPem(rsa));
    }

    public static SimPaymentInput Unpaid(DateTimeOffset createTime, string method = "ALIPAY_CN") => new()
    {
        PaymentMethodType = method,
        PaymentStatus = "PROCESSING",
        PaymentAmount = new AntomAmount("USD", "1250"),
        CreateTime = createTime,
    };

    public static SimPaymentInput Paid(DateTimeOffset paymentTime, string method = "ALIPAY_CN", bool captured = false, bool refunded = false) => new()
    {
        PaymentMethodType = method,
        PaymentStatus = "SUCCESS",
        PaymentAmount = new AntomAmount("USD", "1250"),
        CreateTime = paymentTime.AddMinutes(-2),
        PaymentTime = paymentTime,
        Captured = captured,
        Refunded = refunded,
    };

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static CancelRequest Cancel(string paymentRequestId) => new(null, paymentRequestId);

    /// <summary>A refund of <paramref name="value"/> (minor units) of Antom's payment <paramref name="paymentId"/>.</summary>
    public static RefundRequest Refund(string paymentId, string refundRequestId, string value = "1250", string currency = "USD", string? notifyUrl = null) =>
        new(refundRequestId, paymentId, new AntomAmount(currency, value), RefundReason: "booking cancelled too late", RefundNotifyUrl: notifyUrl);

    /// <summary>Polls until <paramref name="condition"/> holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(25);
        }

        return await condition();
    }

    public static RSA PublicKey(string pem) => AntomKeys.LoadPublicKey(pem);
}
