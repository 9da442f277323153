using System.Diagnostics.Metrics;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Notifications;
using CancelWorkflows.Service.Temporal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Temporalio.Client;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// The ingress alone in this process on a loopback port (real Kestrel, real HTTP), with its verdict counter recorded, and
/// a Temporal client aimed at a Temporal address — a port nobody listens on makes "Temporal unreachable"; a real dev
/// server makes it one more ingress replica beside the service's own (same workflows, its own memory of recorded ids).
/// </summary>
public sealed class InProcessIngress : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly MeterListener listener = new();
    private readonly List<string> verdicts = [];
    private readonly Lock gate = new();
    private readonly bool ownsSigner;

    private InProcessIngress(WebApplication app, AntomSigner antom, bool ownsSigner, Uri baseAddress, string path)
    {
        this.app = app;
        this.ownsSigner = ownsSigner;
        BaseAddress = baseAddress;
        Poster = new NotificationPoster(baseAddress, antom, path);
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == NotificationMetrics.CounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == NotificationMetrics.VerdictTag)
                {
                    lock (gate)
                    {
                        verdicts.Add((string)tag.Value!);
                    }
                }
            }
        });
        listener.Start();
    }

    public Uri BaseAddress { get; }

    /// <summary>Posts to the configured path, signed for it.</summary>
    public NotificationPoster Poster { get; }

    /// <summary>Every verdict counted so far, in order.</summary>
    public IReadOnlyList<string> Verdicts
    {
        get
        {
            lock (gate)
            {
                return [.. verdicts];
            }
        }
    }

    /// <param name="temporalAddress">Where its Temporal client connects (default namespace).</param>
    /// <param name="temporalTimeout"><c>Notifications:TemporalTimeout</c>.</param>
    /// <param name="path"><c>Notifications:Path</c>.</param>
    /// <param name="antom">Antom's signer to trust (the caller keeps it); null: a fresh key and client id of its own.</param>
    /// <param name="settings">More configuration (e.g. <c>Notifications:RecordedIdCacheSize</c>).</param>
    public static async Task<InProcessIngress> StartAsync(
        string temporalAddress,
        TimeSpan temporalTimeout,
        string path = NotificationPoster.Path,
        AntomSigner? antom = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var ownsSigner = antom is null;
        antom ??= new AntomSigner(AntomKeys.Generate(), "SANDBOX_TEST_MERCHANT");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Antom:ClientId"] = antom.ClientId,
            ["Antom:AntomPublicKey"] = antom.PublicKeyPem,
            ["Notifications:TemporalTimeout"] = temporalTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Path"] = path,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var services = builder.Services;
        services.AddOptions<AntomClientOptions>().BindConfiguration(AntomClientOptions.SectionName);
        services.AddOptions<CancelOptions>();
        services.AddOptions<TemporalOptions>();
        services.AddSingleton(ServiceMode.Production);
        services.AddSingleton<TemporalWebLinks>();
        services.AddSingleton<CancelSettingsFactory>();
        services.AddSingleton<ITemporalClient>(_ => TemporalClient.CreateLazy(new(temporalAddress)));
        services.AddProblemDetails();
        services.AddAntomMerchants(ServiceMode.Production);
        services.AddNotificationIngress();

        var app = builder.Build();
        app.MapAntomNotifications();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new InProcessIngress(app, antom, ownsSigner, new Uri(address + "/"), path);
    }

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        Poster.Dispose();
        if (ownsSigner)
        {
            Poster.Antom.Dispose();
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }
}
