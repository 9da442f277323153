using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.DevMode;

/// <summary>One dev mode for the API tests: fresh data folder, free ports, a short watch window so workflows close.</summary>
public sealed class DevModeFixture : IAsyncLifetime
{
    /// <summary>Short enough that a test can see a cancellation close; long enough to ask it twice while it runs.</summary>
    public static readonly TimeSpan WatchWindow = TimeSpan.FromSeconds(5);

    private readonly TempFolder folder = new();
    private DevModeInstance? instance;

    public DevModeInstance Instance => instance ?? throw new InvalidOperationException("Dev mode not started.");

    public async Task InitializeAsync() =>
        instance = await DevModeInstance.StartAsync(folder.Path, DevModePorts.Allocate(), new Dictionary<string, string?>
        {
            ["Cancel__WatchWindow"] = WatchWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Cancel__RetryDelays__0"] = "00:00:01",
        });

    public async Task DisposeAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }

        folder.Dispose();
    }
}
