namespace CancelWorkflows.Workflows.Cancel;

/// <summary>Timing of one cancellation, from configuration (<c>Cancel:*</c>). Defaults follow A3/A4 and Antom's
/// 24-hour notification retries.</summary>
public sealed record CancelSettings
{
    /// <summary>A4: at most three retries after the first call; one delay per retry.</summary>
    public const int MaxRetries = 3;

    /// <summary>Delays before retry 1, 2, 3 while the answer is U (A3). Default 10 s, 1 min, 5 min.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    /// <summary>How long the workflow stays open after the outcome for late notifications (longer than Antom's 24 h).</summary>
    public TimeSpan WatchWindow { get; init; } = TimeSpan.FromHours(25);

    /// <summary>How long a refund reconciliation started after the cancel closed stays open after its LAST notification
    /// (Antom re-sends for 24 h 22 min). Null → <see cref="WatchWindow"/>; kept nullable so histories recorded before
    /// it existed replay with the window they ran with.</summary>
    public TimeSpan? ReconciliationWatchWindow { get; init; }

    /// <summary>The reconciliation window in force: <see cref="ReconciliationWatchWindow"/>, else <see cref="WatchWindow"/>.</summary>
    public TimeSpan EffectiveReconciliationWatchWindow => ReconciliationWatchWindow ?? WatchWindow;

    /// <summary>Support is notified again each time this passes without a resolution.</summary>
    public TimeSpan EscalationSla { get; init; } = TimeSpan.FromHours(4);

    /// <summary>While escalated, Antom is asked this often whether the payment is CANCELLED after all.</summary>
    public TimeSpan EscalationPollInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>After a late success (C5), support is asked to check if Antom's refund is not confirmed within this.</summary>
    public TimeSpan ReconciliationSla { get; init; } = TimeSpan.FromHours(24);

    /// <summary>While a refund is expected, Antom is asked this often whether it went through.</summary>
    public TimeSpan ReconciliationPollInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Base of Temporal Web links (e.g. http://127.0.0.1:8233); null → no link.</summary>
    public string? TemporalWebBaseUrl { get; init; }

    // The settings below are nullable without initialisers on purpose: a payload recorded before they existed
    // deserialises to null, so a run replays with the behaviour it was started with (an initialiser would give it today's).

    /// <summary>StartToClose of an Antom activity before <see cref="AntomTimeout"/> existed.</summary>
    public static readonly TimeSpan LegacyAntomActivityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The Antom client's own deadline for one call (<c>Antom:Timeout</c>).</summary>
    public TimeSpan? AntomTimeout { get; init; }

    /// <summary>Added to <see cref="AntomTimeout"/> for an Antom activity's StartToClose (<c>Cancel:AntomCallMargin</c>):
    /// time to sign, report the result, and for a loaded worker.</summary>
    public TimeSpan? AntomCallMargin { get; init; }

    /// <summary>How long the escalation webhook is retried per notice (<c>Support:DeliveryTimeout</c>); null → until it
    /// is delivered (runs started before the bound existed).</summary>
    public TimeSpan? SupportDeliveryTimeout { get; init; }

    /// <summary>While escalated, the poll interval doubles after each check up to this (<c>Cancel:EscalationMaxPollInterval</c>).</summary>
    public TimeSpan? EscalationMaxPollInterval { get; init; }

    /// <summary>How long inquiryPayment is retried when its answer must confirm a doubtful final answer
    /// (<c>Cancel:ConfirmationInquiryTimeout</c>).</summary>
    public TimeSpan? ConfirmationInquiryTimeout { get; init; }

    /// <summary>While escalated, a run continues as new once its history has this many events (or the server suggests it).</summary>
    public const int DefaultEscalationHistoryLimit = 2_000;

    /// <summary>Not bound from configuration (the default suits production); tests lower it to record continue-as-new
    /// histories of a reviewable size.</summary>
    public int? EscalationHistoryLimit { get; init; }

    public int EffectiveEscalationHistoryLimit => EscalationHistoryLimit ?? DefaultEscalationHistoryLimit;

    public TimeSpan EffectiveEscalationMaxPollInterval => EscalationMaxPollInterval ?? TimeSpan.FromHours(24);

    public TimeSpan EffectiveConfirmationInquiryTimeout => ConfirmationInquiryTimeout ?? TimeSpan.FromMinutes(3);

    /// <summary>StartToClose of an activity that makes <paramref name="calls"/> Antom calls one after the other: the client's
    /// own deadline for each plus the margin, so a call lost with its worker is known lost (and resent) soon after the
    /// client itself would have given up. Runs started before these settings keep <see cref="LegacyAntomActivityTimeout"/>.</summary>
    public TimeSpan AntomActivityTimeout(int calls = 1) =>
        AntomTimeout is { } timeout && AntomCallMargin is { } margin ? (timeout * calls) + margin : LegacyAntomActivityTimeout;
}
