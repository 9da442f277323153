extern alias service;
using System.Net.Http.Headers;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Benchmarks.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using service::CancelWorkflows.Service.Api;
using service::CancelWorkflows.Service.Notifications;
using Temporalio.Client;

namespace CancelWorkflows.Benchmarks.Notifications;

/// <summary>
/// The <see cref="BenchService"/> with the API and the notification ingress, plus <see cref="BaselinePath"/>: the same
/// HTTP work as the ingress (read the body with the same limit, answer 200 with Antom's acknowledgement) without
/// verification and without Temporal, and <see cref="VerifyOnlyPath"/> (diagnostic).
/// </summary>
public sealed class IngressBenchHost : IAsyncDisposable
{
    public const string BaselinePath = "/bench/baseline-notifications";

    /// <summary>Diagnostic: the ingress's own work without Temporal (read, verify, parse, make the signal, acknowledge).</summary>
    public const string VerifyOnlyPath = "/bench/verify-only-notifications";

    private readonly BenchService service;

    private IngressBenchHost(BenchService service) => this.service = service;

    public Uri BaseAddress => service.BaseAddress;

    /// <summary>The API with the bench's API key.</summary>
    public HttpClient Api => service.Api;

    public ITemporalClient Temporal => service.Temporal;

    public SimulatorControlClient Simulator => service.Simulator;

    /// <summary>The ingress's own router (diagnostic: the Temporal part of the work, without HTTP and verification).</summary>
    public NotificationRouter Router => service.Services.GetRequiredService<NotificationRouter>();

    public string NotificationsPath => NotificationOptions.DefaultPath;

    /// <summary>Starts everything; <paramref name="watchWindow"/> and <paramref name="firstRetryDelay"/> shape the cancel workflows,
    /// <paramref name="reconciliationWatchWindow"/> (null: the watch window) the reconciliations started after they closed.
    /// <paramref name="forceSearchAttributeRefresh"/>: see <see cref="BenchService.StartAsync"/>.</summary>
    public static async Task<IngressBenchHost> StartAsync(TimeSpan watchWindow, TimeSpan firstRetryDelay, TimeSpan? reconciliationWatchWindow = null, bool forceSearchAttributeRefresh = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cancel:WatchWindow"] = BenchService.Setting(watchWindow),
            ["Cancel:ReconciliationWatchWindow"] = BenchService.Setting(reconciliationWatchWindow),
            ["Cancel:RetryDelays:0"] = BenchService.Setting(firstRetryDelay),
        };
        var service = await BenchService.StartAsync(settings, forceSearchAttributeRefresh, app =>
        {
            app.MapCancellationsApi();
            app.MapAntomNotifications();
            app.MapPost(BaselinePath, (Func<HttpContext, Task<IResult>>)BaselineAsync);
            app.MapPost(VerifyOnlyPath, (Func<HttpContext, AntomNotificationVerifier, Task<IResult>>)VerifyOnlyAsync);
        });
        return new IngressBenchHost(service);
    }

    /// <summary>Antom's side: signs a notification for <paramref name="path"/> with the simulator's ("Antom's") key.</summary>
    public SignedNotification Sign(string path, byte[] body)
    {
        var time = AntomSignature.RequestTime(DateTimeOffset.UtcNow);
        return new(body, BenchService.ClientId, time, AntomSignature.SignHeader(service.AntomKey, path, BenchService.ClientId, time, body));
    }

    public ValueTask DisposeAsync() => service.DisposeAsync();

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
