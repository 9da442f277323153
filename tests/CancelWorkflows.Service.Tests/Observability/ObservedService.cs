using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Notifications;
using CancelWorkflows.Service.Tests.Promotions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Temporalio.Api.Enums.V1;

namespace CancelWorkflows.Service.Tests.Observability;

/// <summary>
/// The whole service (every role) in this process, as Program.cs composes it, on a real Temporal dev server and the Antom
/// simulator over loopback (<see cref="RoleCluster"/>), with OpenTelemetry's in-memory exporters added beside its own
/// pipeline: every span, metric and log record it produces is kept here. A U answer is retried after 1 s (three times,
/// then escalation), workflows close 3 s after their outcome, callbacks and the support webhook go to a receiver, the
/// booking caller signs callbacks with a secret, and <c>/metrics</c> is served on a management port.
/// </summary>
public sealed class ObservedService : IAsyncLifetime
{
    public const string CallbackSecret = "observed-callback-secret-0123456789abcdef";
    public const string SupportToken = "observed-support-webhook-token-0123456789";
    public const string OperatorKey = "observed-operator-api-key-0001";

    private readonly List<Activity> spans = [];
    private readonly List<MetricSnapshot> metrics = [];
    private readonly LogTexts logs = new();
    private RoleCluster? cluster;
    private InProcessService? service;
    private Task<Scenario>? scenario;

    public RoleCluster Cluster => cluster ?? throw new InvalidOperationException("Not started.");

    public CallbackReceiver Receiver { get; private set; } = null!;

    public HttpClient Booking { get; private set; } = null!;

    /// <summary>An operator (promotions are theirs to manage).</summary>
    public HttpClient Operator { get; private set; } = null!;

    /// <summary>The booking service's holds endpoint the promotions read.</summary>
    public BookingHoldsSource Holds { get; private set; } = null!;

    public NotificationPoster Notifications { get; private set; } = null!;

    public Uri ManagementBase { get; private set; } = null!;

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(90);

    public async Task InitializeAsync()
    {
        cluster = await RoleCluster.StartAsync();
        Receiver = await CallbackReceiver.StartAsync();
        Holds = await BookingHoldsSource.StartAsync();
        var ports = FreePorts.Take(2);
        var api = $"http://127.0.0.1:{ports[0].ToString(CultureInfo.InvariantCulture)}";
        var settings = cluster.SettingsFor("all", api).ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value);
        settings["Cancel:WatchWindow"] = "00:00:03";
        settings["Api:Callers:booking:CallbackSecret"] = CallbackSecret;
        settings["Support:WebhookUrl"] = Receiver.NewUrl();
        settings["Support:WebhookToken"] = SupportToken;
        settings["Observability:GaugeInterval"] = "00:00:01";

        // Information: the lines per cancel attempt, per outcome and per notification are what the log tests read.
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Outbound:AllowLoopback"] = "true";
        settings["Api:ApiKeys:ops"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(OperatorKey));
        settings["Api:Callers:ops:Roles:0"] = "operator";
        settings["Promotions:HoldsSourceUrl"] = Holds.Url;
        settings["Promotions:HoldsSourceToken"] = BookingHoldsSource.Token;
        settings["Management:Urls"] = $"http://127.0.0.1:{ports[1].ToString(CultureInfo.InvariantCulture)}";
        service = await InProcessService.StartAsync(ServiceRoles.All, settings, builder =>
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t.AddInMemoryExporter(spans))
                .WithMetrics(m => m.AddInMemoryExporter(metrics, o => o.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 500))
                .WithLogging(l => l.AddProcessor(logs));
        });
        Booking = new HttpClient { BaseAddress = new Uri(api + "/"), Timeout = Timeout };
        Booking.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoleCluster.BookingKey);
        Operator = new HttpClient { BaseAddress = new Uri(api + "/"), Timeout = Timeout };
        Operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        ManagementBase = new Uri(settings["Management:Urls"] + "/");
        Notifications = new NotificationPoster(new Uri(api + "/"), AntomSigner.FromPemFile(cluster.AntomPrivateKeyPath, RoleCluster.ClientId));
    }

    /// <summary>
    /// Drives once (shared by the tests that read "everything the service emits"): a cancellation with a callback, one
    /// escalated after four U answers (support webhook), a late success after the first one closed (a notification routed
    /// to a reconciliation), and a notification with a bad signature. Returns once all of that has happened.
    /// </summary>
    public Task<Scenario> ScenarioAsync()
    {
        lock (spans)
        {
            return scenario ??= DriveAsync();
        }
    }

    private async Task<Scenario> DriveAsync()
    {
        var simulator = Cluster.Simulator.Control;
        var happy = CancellationApiCalls.NewPaymentRequestId();
        var escalated = CancellationApiCalls.NewPaymentRequestId();
        var payment = await simulator.PutPaidCardPaymentAsync(happy);
        await simulator.PutPaidCardPaymentAsync(escalated);
        await simulator.QueueFaultsAsync(escalated, new SimFault { Kind = "U", Count = 4 });
        var callback = Receiver.NewUrl();
        using (var first = await Booking.PostCancellationAsync(new { paymentRequestId = happy, callbackUrl = callback }))
        using (var second = await Booking.PostCancellationAsync(new { paymentRequestId = escalated }))
        {
            first.EnsureSuccessStatusCode();
            second.EnsureSuccessStatusCode();
        }

        await WaitAsync(async () => (await Cluster.Temporal.GetWorkflowHandle($"cancel-{happy}").DescribeAsync()).Status != WorkflowExecutionStatus.Running, "the first cancellation closed");
        var late = await Notifications.PostSignedAsync(NotificationBodies.PaymentResult(happy, payment.PaymentId));
        if (!late.IsExactAcknowledgement)
        {
            throw new InvalidOperationException($"Late success not acknowledged: {late.Status} {late.Body}");
        }

        var body = NotificationBodies.PaymentResult(escalated, null);
        var headers = new Dictionary<string, string>(Notifications.Antom.Headers(NotificationPoster.Path, body, null)) { [CancelWorkflows.Antom.Signing.AntomSignature.HeaderName] = "algorithm=RSA256,keyVersion=1,signature=bm90LWEtc2lnbmF0dXJl" };
        await Notifications.PostAsync(body, headers);
        await WaitAsync(() => Task.FromResult(Spans.Any(s => s.DisplayName == "RunActivity:EscalateToSupport") && Spans.Any(s => s.DisplayName == "RunActivity:CheckRefund")), "the escalation and the reconciliation");
        return new(happy, escalated, callback);
    }

    private static Task<bool> WaitAsync(Func<Task<bool>> condition, string what) =>
        Eventually.ReturnsAsync(condition, done => done, Timeout, what);

    public sealed record Scenario(string Cancelled, string Escalated, string CallbackUrl);

    /// <summary>The spans exported so far (a copy).</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (spans)
            {
                return [.. spans];
            }
        }
    }

    /// <summary>The text of every log record so far: message, attributes, exception (records are pooled: read at export).</summary>
    public IReadOnlyList<string> Logs => logs.Texts;

    /// <summary>The log records so far, with the trace they were written in (a copy).</summary>
    public IReadOnlyList<LogLine> LogLines => logs.Lines;

    /// <summary>Every metric name exported so far, with each point's tags.</summary>
    public IReadOnlyList<MetricSnapshot> Metrics
    {
        get
        {
            service!.App.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
            lock (metrics)
            {
                return [.. metrics];
            }
        }
    }

    /// <summary>The spans of one trace once <paramref name="complete"/> holds (waits for the ones still open).</summary>
    public Task<List<Activity>> TraceAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete, string what) =>
        Eventually.ReturnsAsync(
            () => Task.FromResult(Spans.Where(s => s.TraceId == traceId).ToList()),
            complete,
            Timeout,
            $"{what} in trace {traceId}");

    public async Task DisposeAsync()
    {
        Booking?.Dispose();
        Operator?.Dispose();
        if (Notifications is not null)
        {
            Notifications.Antom.Dispose();
            Notifications.Dispose();
        }

        if (service is not null)
        {
            await service.DisposeAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        if (Holds is not null)
        {
            await Holds.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

/// <summary>The observability tests share one in-process service and run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObservedServiceCollection : ICollectionFixture<ObservedService>
{
    public const string Name = "Observability (in process, in-memory exporters)";
}

/// <summary>A log record as exported: its text, the trace and span it was written in (the current span's, or the ones
/// its scope names) and its scope's values.</summary>
public sealed record LogLine(string Category, string Message, string? TraceId, string? SpanId, IReadOnlyDictionary<string, string> Scope);

/// <summary>Keeps each log record's text as it is exported (the SDK reuses record objects afterwards).</summary>
internal sealed class LogTexts : BaseProcessor<LogRecord>
{
    private readonly List<string> texts = [];
    private readonly List<LogLine> lines = [];

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (texts)
            {
                return [.. lines];
            }
        }
    }

    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (texts)
            {
                return [.. texts];
            }
        }
    }

    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var record = new List<string> { $"log {data.CategoryName}: {data.FormattedMessage ?? data.Body}" };
        foreach (var attribute in data.Attributes ?? [])
        {
            record.Add($"log {data.CategoryName} {attribute.Key}={attribute.Value}");
        }

        if (data.Exception is { } e)
        {
            record.Add($"log {data.CategoryName} exception {e}");
        }

        var scope = new Dictionary<string, string>(StringComparer.Ordinal);
        data.ForEachScope(
            (s, values) =>
            {
                foreach (var (key, value) in s)
                {
                    values[key] = value?.ToString() ?? string.Empty;
                }
            },
            scope);
        var line = new LogLine(
            data.CategoryName ?? string.Empty,
            data.FormattedMessage ?? data.Body ?? string.Empty,
            data.TraceId == default ? null : data.TraceId.ToHexString(),
            data.SpanId == default ? null : data.SpanId.ToHexString(),
            scope);
        lock (texts)
        {
            texts.AddRange(record);
            lines.Add(line);
        }
    }
}
