using System.Net.Http.Headers;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Security;

/// <summary>
/// Dev mode as a real process with tight abuse limits: 1 request a second per caller after a burst of
/// <see cref="Burst"/>, at most 2 waiting starts in all and 1 per caller, and a U answer that keeps a cancellation
/// undecided for a minute (so a <c>?wait</c> lasts its whole wait). Every test uses callers of its own, so one test's
/// spent permits never touch another's.
/// </summary>
public sealed class LimitsDevMode : IAsyncLifetime
{
    public const int Burst = 5;

    public static readonly string[] Callers = ["booking", "ticketing", "late", "watcher", "greedy", "patient", "bystander"];

    private readonly TempFolder folder = new("cw-limits-");
    private DevModeInstance? instance;

    public DevModeInstance Dev => instance ?? throw new InvalidOperationException("Dev mode not started.");

    public Uri ApiBase => new(Dev.Ports.ApiUrl + "/");

    public static string KeyOf(string caller) => $"{caller}-limits-key-0123456789";

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Api__RateLimit__PermitsPerSecond"] = "1",
            ["Api__RateLimit__Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api__Wait__MaxConcurrent"] = "2",
            ["Api__Wait__MaxConcurrentPerCaller"] = "1",
            ["Api__Callers__watcher__Roles__0"] = "operator",
            ["Cancel__RetryDelays__0"] = "00:01:00",
            ["Cancel__WatchWindow"] = "00:01:00",
        };
        foreach (var caller in Callers)
        {
            settings[$"Api__ApiKeys__{caller}"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(KeyOf(caller)));
        }

        instance = await DevModeInstance.StartAsync(folder.Path, DevModePorts.Allocate(), settings);
    }

    /// <summary>The API as <paramref name="caller"/> (none when null).</summary>
    public HttpClient As(string? caller)
    {
        var http = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(90) };
        if (caller is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyOf(caller));
        }

        return http;
    }

    public async Task DisposeAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }

        folder.Dispose();
    }
}

/// <summary>The limits tests share one dev mode, run alone (they measure waits).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LimitsCollection : ICollectionFixture<LimitsDevMode>
{
    public const string Name = "API limits";
}
