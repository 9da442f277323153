using System.Globalization;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Client;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>
/// Dev mode as a real process (Temporal dev server, simulator, worker, API) whose holds source is
/// <see cref="BookingHoldsSource"/> in this test process; a catch-up window of 2 h (so the test can see the setting reach
/// the schedule); cancellations close 2 s after their outcome. Plus a Temporal client on its dev server, to look at the
/// schedules and runs directly.
/// </summary>
public sealed class PromotionDevMode : IAsyncLifetime
{
    public static readonly TimeSpan CatchupWindow = TimeSpan.FromHours(2);

    private readonly TempFolder folder = new("cw-promo-");
    private DevModeInstance? instance;
    private BookingHoldsSource? holds;
    private TemporalClient? temporal;

    public DevModeInstance Dev => instance ?? throw new InvalidOperationException("Dev mode not started.");

    public BookingHoldsSource Holds => holds ?? throw new InvalidOperationException("Holds source not started.");

    public TemporalClient Temporal => temporal ?? throw new InvalidOperationException("Dev mode not started.");

    public async Task InitializeAsync()
    {
        holds = await BookingHoldsSource.StartAsync();
        instance = await DevModeInstance.StartAsync(folder.Path, DevModePorts.Allocate(), new Dictionary<string, string?>
        {
            ["Promotions__HoldsSourceUrl"] = holds.Url,
            ["Promotions__HoldsSourceToken"] = BookingHoldsSource.Token,
            ["Promotions__CatchupWindow"] = CatchupWindow.ToString("c", CultureInfo.InvariantCulture),
            ["Cancel__WatchWindow"] = "00:00:02",
            ["Cancel__RetryDelays__0"] = "00:00:01",
        });
        temporal = await TemporalClient.ConnectAsync(new($"127.0.0.1:{instance.Ports.Temporal}"));
    }

    public async Task DisposeAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }

        if (holds is not null)
        {
            await holds.DisposeAsync();
        }

        folder.Dispose();
    }
}

/// <summary>The promotions API tests share one dev mode.</summary>
[CollectionDefinition(Name)]
public sealed class PromotionDevModeCollection : ICollectionFixture<PromotionDevMode>
{
    public const string Name = "Promotions (dev mode)";
}
