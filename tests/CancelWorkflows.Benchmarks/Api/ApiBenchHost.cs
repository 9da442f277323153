extern alias service;

using System.Net.Http.Headers;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Temporalio.Client;
using Temporalio.Testing;
using service::CancelWorkflows.Service.Api;
using service::CancelWorkflows.Service.Hosting;
using service::CancelWorkflows.Service.ServiceDefaults;

namespace CancelWorkflows.Benchmarks.Api;

/// <summary>
/// The service as production composes it (<c>AddServiceDefaults</c> + <c>AddCancelWorkflows</c>, API-key authentication,
/// <c>/v1/cancellations</c>, hosted worker) on loopback, against a Temporal dev server and the Antom simulator.
/// </summary>
public sealed class ApiBenchHost : IAsyncDisposable
{
    public const string ClientId = "BENCH_MERCHANT";

    /// <summary>The same HTTP work as a start (API key, body read, JSON answer) without Temporal.</summary>
    public const string BaselinePath = "bench/baseline-start";
    private const string ApiKey = "bench-api-key";

    private readonly WorkflowEnvironment temporal;
    private readonly AntomSimulatorServer simulator;
    private readonly WebApplication app;

    private ApiBenchHost(WorkflowEnvironment temporal, AntomSimulatorServer simulator, WebApplication app, Uri baseAddress)
    {
        this.temporal = temporal;
        this.simulator = simulator;
        this.app = app;
        Api = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    /// <summary>The API with the bench's API key (one connection, kept alive, as a booking service's client would).</summary>
    public HttpClient Api { get; }

    /// <summary>A client of the same dev server, for the direct SDK starts.</summary>
    public ITemporalClient Temporal => temporal.Client;

    /// <summary>The service's own Temporal client (its runtime, metrics bridge, tracing interceptor; shared with its worker).</summary>
    public ITemporalClient ServiceTemporal => app.Services.GetRequiredService<ITemporalClient>();

    public static async Task<ApiBenchHost> StartAsync(TimeSpan watchWindow)
    {
        var cli = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH");
        var temporal = await WorkflowEnvironment.StartLocalAsync(new()
        {
            SearchAttributes = CancelSearchAttributes.All,
            DevServerOptions = new()
            {
                ExistingPath = string.IsNullOrWhiteSpace(cli) ? null : cli,
                StartupTimeout = TimeSpan.FromSeconds(60),
            },
        });
        using var antomKey = AntomKeys.Generate();
        using var merchantKey = AntomKeys.Generate();
        var simulator = await AntomSimulatorServer.StartAsync(
            new SimulatorOptions
            {
                AntomPrivateKeyPem = AntomKeys.ExportPrivatePem(antomKey),
                Merchants = { [ClientId] = AntomKeys.ExportPublicPem(merchantKey) },
            },
            "http://127.0.0.1:0");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Temporal:Address"] = temporal.Client.Connection.Options.TargetHost,
            ["Antom:GatewayUrl"] = simulator.BaseAddress.ToString().TrimEnd('/'),
            ["Antom:ClientId"] = ClientId,
            ["Antom:MerchantPrivateKey"] = AntomKeys.ExportPrivatePem(merchantKey),
            ["Antom:AntomPublicKey"] = simulator.AntomPublicKeyPem,
            ["Api:ApiKeys:bench"] = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiKey))),
            ["Cancel:WatchWindow"] = watchWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            // A log line per request at Information would measure the console; production logs go to OTLP.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.AddCancelWorkflows(ServiceMode.Production);
        var banner = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReadyAnnouncer));
        builder.Services.Remove(banner);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCancellationsApi();
        app.MapPost(BaselinePath, BaselineAsync).RequireAuthorization();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiBenchHost(temporal, simulator, app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static async Task<IResult> BaselineAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var read = await JsonBodyReader.ReadAsync(request, cancellationToken);
        return read.Problem ?? (IResult)TypedResults.Accepted("/v1/cancellations/x", new CancellationStarted("cancel-x", "run", "/v1/cancellations/x", null));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await simulator.DisposeAsync();
        await temporal.ShutdownAsync();
    }
}
