extern alias service;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using service::CancelWorkflows.Service.Api;
using service::CancelWorkflows.Service.Hosting;
using service::CancelWorkflows.Service.ServiceDefaults;
using Temporalio.Client;
using Temporalio.Testing;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>
/// The service as production composes it (<c>AddServiceDefaults</c> + <c>AddCancelWorkflows</c>: API-key authentication,
/// hosted worker, whatever endpoints the benchmark maps) in this process on loopback, against a Temporal dev server (a
/// child process) and the Antom simulator, with the bench's API key. Shared by the API and notification benchmarks.
/// </summary>
public sealed class BenchService : IAsyncDisposable
{
    public const string ClientId = "BENCH_MERCHANT";
    private const string ApiKey = "bench-api-key";

    private readonly WorkflowEnvironment temporal;
    private readonly AntomSimulatorServer simulator;
    private readonly WebApplication app;

    private BenchService(WorkflowEnvironment temporal, AntomSimulatorServer simulator, WebApplication app, RSA antomKey, Uri baseAddress)
    {
        this.temporal = temporal;
        this.simulator = simulator;
        this.app = app;
        AntomKey = antomKey;
        BaseAddress = baseAddress;
        Api = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public Uri BaseAddress { get; }

    /// <summary>The API with the bench's API key (one connection, kept alive, as a booking service's client would).</summary>
    public HttpClient Api { get; }

    /// <summary>A client of the same dev server (the bench's own, not the service's).</summary>
    public ITemporalClient Temporal => temporal.Client;

    public SimulatorControlClient Simulator => simulator.Control;

    /// <summary>The service's container (its Temporal client, router, options).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>The simulator's ("Antom's") private key, to sign notifications as Antom would.</summary>
    public RSA AntomKey { get; }

    /// <summary>Starts the dev server, the simulator and the service with <paramref name="settings"/> over the bench's
    /// own; <paramref name="map"/> maps the endpoints under test. <paramref name="forceSearchAttributeRefresh"/>: the dev
    /// server re-reads search attributes on every use, as tests and dev mode run it (production clusters don't).</summary>
    public static async Task<BenchService> StartAsync(IReadOnlyDictionary<string, string?> settings, bool forceSearchAttributeRefresh, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(map);
        var cli = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH");
        var temporal = await WorkflowEnvironment.StartLocalAsync(new()
        {
            SearchAttributes = CancelSearchAttributes.All,
            DevServerOptions = new()
            {
                ExistingPath = string.IsNullOrWhiteSpace(cli) ? null : cli,
                StartupTimeout = TimeSpan.FromSeconds(60),
                ExtraArgs = ["--dynamic-config-value", $"system.forceSearchAttributesCacheRefreshOnRead={(forceSearchAttributeRefresh ? "true" : "false")}"],
            },
        });
        var antomKey = AntomKeys.Generate();
        using var merchantKey = AntomKeys.Generate();
        var simulator = await AntomSimulatorServer.StartAsync(
            new SimulatorOptions
            {
                AntomPrivateKeyPem = AntomKeys.ExportPrivatePem(antomKey),
                Merchants = { [ClientId] = AntomKeys.ExportPublicPem(merchantKey) },
            },
            "http://127.0.0.1:0");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var configuration = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Temporal:Address"] = temporal.Client.Connection.Options.TargetHost,
            ["Antom:GatewayUrl"] = simulator.BaseAddress.ToString().TrimEnd('/'),
            ["Antom:ClientId"] = ClientId,
            ["Antom:MerchantPrivateKey"] = AntomKeys.ExportPrivatePem(merchantKey),
            ["Antom:AntomPublicKey"] = simulator.AntomPublicKeyPem,
            ["Api:ApiKeys:bench"] = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiKey))),

            // One caller makes every request: the figures are the API's, not its per-caller rate limit's.
            ["Api:RateLimit:PermitsPerSecond"] = "100000",
            ["Api:RateLimit:Burst"] = "1000000",

            // A log line per request at Information would measure the console; production logs go to OTLP.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:LogLevel:CancelWorkflows.Antom"] = "Error",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        builder.AddCancelWorkflows(ServiceMode.Production);

        // Its banner would land in the middle of the report.
        var banner = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReadyAnnouncer));
        builder.Services.Remove(banner);

        var app = builder.Build();
        app.UseApiSecurity();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchService(temporal, simulator, app, antomKey, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A time span as configuration writes it.</summary>
    public static string? Setting(TimeSpan? value) => value?.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await simulator.DisposeAsync();
        await temporal.ShutdownAsync();
        AntomKey.Dispose();
    }
}
