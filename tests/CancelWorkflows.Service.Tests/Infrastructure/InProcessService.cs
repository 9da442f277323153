using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// The service composed as Program.cs composes it (<c>AddServiceDefaults</c>, <c>AddCancelWorkflows</c>,
/// <c>UseCancelWorkflows</c>) for given roles, in this process on a loopback port, in the Production environment, with
/// configuration from <paramref name="settings"/> only (the key form <c>Section:Key</c>).
/// </summary>
public sealed class InProcessService : IAsyncDisposable
{
    private InProcessService(WebApplication app) => App = app;

    public WebApplication App { get; }

    /// <param name="configure">Runs after the service's own registrations (e.g. to add an in-memory exporter).</param>
    public static WebApplication Build(ServiceRoles roles, IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var mode = ServiceMode.ForRoles(roles);
        builder.AddServiceDefaults();
        builder.AddCancelWorkflows(mode);
        configure?.Invoke(builder);

        // Its banner would land in the test's output.
        builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReadyAnnouncer)));
        var app = builder.Build();
        app.UseCancelWorkflows(mode);
        return app;
    }

    /// <summary>Starts it; throws if start-up validation refuses the configuration (see <see cref="RefusalsAsync"/>).</summary>
    public static async Task<InProcessService> StartAsync(ServiceRoles roles, IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(roles, settings, configure);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new InProcessService(app);
    }

    /// <summary>Starts and stops it: the messages start-up validation refused the configuration with, empty when it
    /// passed.</summary>
    /// <remarks>Validation runs first in the host's start. A worker then fails to reach the Temporal address nobody listens
    /// on and stops the host, possibly while Kestrel is still binding: a cancelled start has passed validation.</remarks>
    public static async Task<IReadOnlyList<string>> RefusalsAsync(ServiceRoles roles, IReadOnlyDictionary<string, string?> settings)
    {
        try
        {
            await using var service = await StartAsync(roles, settings);
            return [];
        }
        catch (Exception e) when (ServiceRunner.ValidationFailures(e) is { Count: > 0 } failures)
        {
            return failures;
        }
        catch (OperationCanceledException) when (roles.HasFlag(ServiceRoles.Worker))
        {
            return [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
