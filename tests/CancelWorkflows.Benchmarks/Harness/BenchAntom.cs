using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>The Antom simulator on a free loopback port with one trusted merchant, and the real <see cref="AntomClient"/>
/// for it (the same wiring as the workflow tests' SimulatedAntom).</summary>
public sealed class BenchAntom : IAsyncDisposable
{
    public const string ClientId = "BENCH_MERCHANT";

    private readonly HttpClient http;

    private BenchAntom(AntomSimulatorServer server, HttpClient http, AntomClient client)
    {
        Server = server;
        this.http = http;
        Client = client;
    }

    public AntomSimulatorServer Server { get; }

    public AntomClient Client { get; }

    public static async Task<BenchAntom> StartAsync()
    {
        using var merchantKey = AntomKeys.Generate();
        var server = await AntomSimulatorServer.StartAsync(
            new SimulatorOptions { Merchants = { [ClientId] = AntomKeys.ExportPublicPem(merchantKey) } },
            "http://127.0.0.1:0");
        // As AddAntomClient configures it: no HttpClient timeout, the client's own deadline applies.
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new AntomClient(
            http,
            Options.Create(new AntomClientOptions
            {
                GatewayUrl = server.BaseAddress.ToString(),
                ClientId = ClientId,
                MerchantPrivateKey = AntomKeys.ExportPrivatePem(merchantKey),
                AntomPublicKey = server.AntomPublicKeyPem,
                Timeout = TimeSpan.FromSeconds(10),
            }),
            TimeProvider.System,
            NullLogger<AntomClient>.Instance);
        return new BenchAntom(server, http, client);
    }

    /// <summary>Creates paid ALIPAY_CN payments (cancellable under W5) through the control API, <paramref name="parallel"/> at a time.</summary>
    public async Task CreatePaidPaymentsAsync(IReadOnlyList<string> paymentRequestIds, int parallel = 16)
    {
        ArgumentNullException.ThrowIfNull(paymentRequestIds);
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(
            paymentRequestIds,
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (id, ct) => await Server.Control.PutPaymentAsync(
                id,
                new SimPaymentInput
                {
                    PaymentMethodType = "ALIPAY_CN",
                    PaymentStatus = "SUCCESS",
                    PaymentAmount = new AntomAmount("USD", "1000"),
                    CreateTime = now.AddMinutes(-2),
                    PaymentTime = now.AddMinutes(-1),
                },
                ct));
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
    }
}
