extern alias service;

using System.Net.Http.Headers;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Temporalio.Client;
using Temporalio.Testing;
using service::CancelWorkflows.Service.Api;
using service::CancelWorkflows.Service.Hosting;
using service::CancelWorkflows.Service.Notifications;
using service::CancelWorkflows.Service.ServiceDefaults;

namespace CancelWorkflows.Benchmarks.Notifications;

/// <summary>
/// The service as production composes it (<c>AddServiceDefaults</c> + <c>AddCancelWorkflows</c>: API, hosted worker,
/// notification ingress), in this process, against a Temporal dev server and the Antom simulator, plus
/// <see cref="BaselinePath"/>: the same HTTP work as the ingress (read the body with the same limit, answer 200 with
/// Antom's acknowledgement) without verification and without Temporal.
/// </summary>
public sealed class IngressBenchHost : IAsyncDisposable
{
    public const string ClientId = "BENCH_MERCHANT";
    public const string BaselinePath = "/bench/baseline-notifications";

    /// <summary>Diagnostic: the ingress's own work without Temporal (read, verify, parse, make the signal, acknowledge).</summary>
    public const string VerifyOnlyPath = "/bench/verify-only-notifications";
    private const string ApiKey = "bench-api-key";

    private readonly WorkflowEnvironment temporal;
    private readonly AntomSimulatorServer simulator;
    private readonly WebApplication app;
    private readonly RSA antomKey;

    private IngressBenchHost(WorkflowEnvironment temporal, AntomSimulatorServer simulator, WebApplication app, RSA antomKey, Uri baseAddress)
    {
        this.temporal = temporal;
        this.simulator = simulator;
        this.app = app;
        this.antomKey = antomKey;
        BaseAddress = baseAddress;
        Api = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public Uri BaseAddress { get; }

    /// <summary>The API with the bench's API key.</summary>
    public HttpClient Api { get; }

    public ITemporalClient Temporal => temporal.Client;

    public SimulatorControlClient Simulator => simulator.Control;

    /// <summary>The ingress's own router (diagnostic: the Temporal part of the work, without HTTP and verification).</summary>
    public NotificationRouter Router => app.Services.GetRequiredService<NotificationRouter>();

    public string NotificationsPath => NotificationOptions.DefaultPath;

    /// <summary>Starts everything; <paramref name="watchWindow"/> and <paramref name="firstRetryDelay"/> shape the cancel workflows,
    /// <paramref name="reconciliationWatchWindow"/> (null: the watch window) the reconciliations started after they closed.
    /// <paramref name="forceSearchAttributeRefresh"/>: the dev server re-reads search attributes on every use, as tests and
    /// dev mode run it (production clusters don't).</summary>
    public static async Task<IngressBenchHost> StartAsync(TimeSpan watchWindow, TimeSpan firstRetryDelay, TimeSpan? reconciliationWatchWindow = null, bool forceSearchAttributeRefresh = false)
    {
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
            ["Cancel:ReconciliationWatchWindow"] = reconciliationWatchWindow?.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Cancel:RetryDelays:0"] = firstRetryDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            // One line per notification at Information would make the console the bottleneck; production logs go to OTLP.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:LogLevel:CancelWorkflows.Antom"] = "Error",
        });
        builder.AddServiceDefaults();
        builder.AddCancelWorkflows(ServiceMode.Production);

        // Its banner would land in the middle of the report.
        var banner = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReadyAnnouncer));
        builder.Services.Remove(banner);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCancellationsApi();
        app.MapAntomNotifications();
        app.MapPost(BaselinePath, (Func<HttpContext, Task<IResult>>)BaselineAsync);
        app.MapPost(VerifyOnlyPath, (Func<HttpContext, AntomNotificationVerifier, Task<IResult>>)VerifyOnlyAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IngressBenchHost(temporal, simulator, app, antomKey, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Antom's side: signs a notification for <paramref name="path"/> with the simulator's ("Antom's") key.</summary>
    public SignedNotification Sign(string path, byte[] body)
    {
        var time = AntomSignature.RequestTime(DateTimeOffset.UtcNow);
        return new(body, ClientId, time, AntomSignature.SignHeader(antomKey, path, ClientId, time, body));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await simulator.DisposeAsync();
        await temporal.ShutdownAsync();
        antomKey.Dispose();
    }

    /// <summary>The ingress's steps up to the router (signatures were made for the ingress path), then the ack.</summary>
    private static async Task<IResult> VerifyOnlyAsync(HttpContext context, AntomNotificationVerifier verifier)
    {
        var body = await NotificationBodyReader.ReadAsync(context.Request, 64 * 1024, context.RequestAborted);
        if (body is null)
        {
            return NotificationResponses.Refused(StatusCodes.Status413PayloadTooLarge, NotificationVerdicts.RejectedBodyTooLarge, "too large");
        }

        var headers = context.Request.Headers;
        var verdict = verifier.Verify(NotificationOptions.DefaultPath, headers["client-id"].ToString(), headers["request-time"].ToString(), headers["signature"].ToString(), body);
        var parsed = AntomNotificationParser.Parse(body);
        return verdict.Valid && parsed.Ok && NotificationSignal.From(parsed, body) is not null
            ? NotificationResponses.Acknowledged()
            : NotificationResponses.Refused(StatusCodes.Status401Unauthorized, "rejected", verdict.Reason);
    }

    private static async Task<IResult> BaselineAsync(HttpContext context)
    {
        var body = await NotificationBodyReader.ReadAsync(context.Request, 64 * 1024, context.RequestAborted);
        return body is null
            ? NotificationResponses.Refused(StatusCodes.Status413PayloadTooLarge, NotificationVerdicts.RejectedBodyTooLarge, "too large")
            : NotificationResponses.Acknowledged();
    }
}

/// <summary>A notification as Antom sends it: body and the three signature headers.</summary>
public sealed record SignedNotification(byte[] Body, string ClientId, string RequestTime, string Signature)
{
    public HttpRequestMessage ToRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        request.Headers.TryAddWithoutValidation(AntomSignature.ClientIdHeader, ClientId);
        request.Headers.TryAddWithoutValidation(AntomSignature.RequestTimeHeader, RequestTime);
        request.Headers.TryAddWithoutValidation(AntomSignature.HeaderName, Signature);
        return request;
    }
}
