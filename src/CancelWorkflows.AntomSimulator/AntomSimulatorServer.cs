using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.AntomSimulator;

/// <summary>
/// The simulator on its own Kestrel server, for tests and for hosts (dev mode) that run it beside their own API.
/// Configuration comes only from <see cref="SimulatorOptions"/>: no appsettings, environment variables or command line.
/// </summary>
public sealed class AntomSimulatorServer : IAsyncDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    private readonly WebApplication app;
    private readonly HttpClient controlHttp;
    private int stopped;

    private AntomSimulatorServer(WebApplication app, Uri baseAddress, string antomPublicKeyPem)
    {
        this.app = app;
        BaseAddress = baseAddress;
        AntomPublicKeyPem = antomPublicKeyPem;
        controlHttp = new HttpClient { BaseAddress = baseAddress };
        Control = new SimulatorControlClient(controlHttp);
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:41234/</c> (the real port when started with port 0).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The PEM (SPKI) public key that verifies the simulator's answers and notifications.</summary>
    public string AntomPublicKeyPem { get; }

    /// <summary>A typed client for <c>/sim/v1</c> on this server.</summary>
    public SimulatorControlClient Control { get; }

    /// <summary>Starts the simulator; <paramref name="url"/> with port 0 binds a free port.</summary>
    public static async Task<AntomSimulatorServer> StartAsync(
        SimulatorOptions options,
        string url = DefaultUrl,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AntomSimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = ControlApi.MaxBodyBytes;
        });
        builder.WebHost.UseUrls(url);
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.AddAntomSimulator(options);
        var app = builder.Build();
        app.UseRouting();
        app.MapAntomSimulator();
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no address.");
            var keys = app.Services.GetRequiredService<SimulatorKeys>();
            return new AntomSimulatorServer(app, new Uri(address.TrimEnd('/') + "/"), keys.AntomPublicPem);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops listening; pending notification retries and fault delays end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        controlHttp.Dispose();
        await app.DisposeAsync();
    }
}
