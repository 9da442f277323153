using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>A small real HTTP server on a free loopback port, for the parties a workflow talks to in tests
/// (support webhook, booking service, Antom's notification receiver).</summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackApp(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Without a trailing slash, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; }

    public static async Task<LoopbackApp> StartAsync(Action<WebApplication> mapEndpoints)
    {
        ArgumentNullException.ThrowIfNull(mapEndpoints);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackApp(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
