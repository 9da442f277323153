using CancelWorkflows.DevMode;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Client;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// Dev mode as a real process for the ingress tests: the simulator sends its notifications to the service's ingress and
/// re-sends 1000 × faster than Antom (<c>DevMode:NotificationTimeScale</c> 0.001: 2 min → 120 ms); cancel workflows close
/// 2 s after their outcome, and a U answer keeps one running for 10 minutes. Plus a Temporal client on its dev server and
/// the "Antom" private key from its data folder, to sign notifications as Antom would.
/// </summary>
public sealed class NotificationDevMode : IAsyncLifetime
{
    public static readonly TimeSpan WatchWindow = TimeSpan.FromSeconds(2);

    /// <summary>Reconciliations (started after a cancel closed) stay open this long after their last notification: well
    /// past the cancel's window plus a late notification's routing on a loaded machine (up to two HasNotification queries).</summary>
    public static readonly TimeSpan ReconciliationWatchWindow = TimeSpan.FromSeconds(12);

    private readonly TempFolder folder = new("cw-notify-");
    private readonly Lock gate = new();
    private DevModeInstance? instance;
    private TemporalClient? temporal;
    private AntomSigner? antom;
    private NotificationPoster? poster;
    private Task<((string, string), (string, string))>? rejectionTargets;

    public DevModeInstance Dev => instance ?? throw new InvalidOperationException("Dev mode not started.");

    public TemporalClient Temporal => temporal ?? throw new InvalidOperationException("Dev mode not started.");

    /// <summary>Signs as Antom: the simulator's key from the data folder, the dev merchant's client id.</summary>
    public AntomSigner Antom => antom ?? throw new InvalidOperationException("Dev mode not started.");

    public string AntomPrivateKeyPath => Path.Combine(Dev.DataDir, "keys", "antom-private.pem");

    public static string ClientId => DevModeSetup.MerchantClientId;

    public string NotificationsUrl => Dev.Ports.ApiUrl + NotificationPoster.Path;

    /// <summary>Posts to the ingress, signed by <see cref="Antom"/> unless told otherwise.</summary>
    public NotificationPoster Poster => poster ?? throw new InvalidOperationException("Dev mode not started.");

    public PaymentWorkflows Payments => new(Dev, Temporal);

    /// <summary>A running and a closed cancellation that bad notifications are aimed at (made once, shared).</summary>
    public Task<((string PaymentRequestId, string PaymentId) Running, (string PaymentRequestId, string PaymentId) Closed)> RejectionTargetsAsync()
    {
        lock (gate)
        {
            return rejectionTargets ??= MakeRejectionTargetsAsync();
        }
    }

    public async Task InitializeAsync()
    {
        instance = await DevModeInstance.StartAsync(folder.Path, DevModePorts.Allocate(), new Dictionary<string, string?>
        {
            ["Cancel__WatchWindow"] = WatchWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Cancel__ReconciliationWatchWindow"] = ReconciliationWatchWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Cancel__RetryDelays__0"] = "00:10:00",
            ["DevMode__NotificationTimeScale"] = "0.001",
        });
        temporal = await TemporalClient.ConnectAsync(new($"127.0.0.1:{instance.Ports.Temporal}"));
        antom = AntomSigner.FromPemFile(AntomPrivateKeyPath, ClientId);
        poster = new NotificationPoster(new Uri(instance.Ports.ApiUrl + "/"), antom);
    }

    /// <summary>
    /// Another ingress replica in this process, on the same dev server and trusting the same Antom key: it shares the
    /// workflows with the service but not its memory of recorded ids. Generous Temporal deadlines (this machine is shared
    /// and loaded); the caller disposes it.
    /// </summary>
    public Task<InProcessIngress> StartReplicaAsync(IReadOnlyDictionary<string, string?> settings) =>
        InProcessIngress.StartAsync($"127.0.0.1:{Dev.Ports.Temporal}", TimeSpan.FromSeconds(15), antom: Antom, settings: settings);

    private async Task<((string, string), (string, string))> MakeRejectionTargetsAsync() =>
        (await Payments.RunningCancellationAsync(), await Payments.ClosedCancellationAsync());

    public async Task DisposeAsync()
    {
        poster?.Dispose();
        antom?.Dispose();
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }

        folder.Dispose();
    }
}

/// <summary>The ingress tests share one dev mode (a dev server, a simulator and a worker of their own, which
/// <see cref="TemporalOutageTests"/> freezes while no other test of the collection runs) and run beside other collections.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationDevModeCollection : ICollectionFixture<NotificationDevMode>
{
    public const string Name = "Notification ingress (dev mode)";
}
