namespace CancelWorkflows.Service.Notifications;

/// <summary>
/// Configuration section <c>Notifications</c>: Antom's notification ingress (docs/design.md, "Notification ingress";
/// docs/antom-api.md §4–§5). The client id and Antom's public key are <c>Antom:ClientId</c> and <c>Antom:AntomPublicKey*</c>.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public const string DefaultPath = "/v1/antom/notifications";

    /// <summary>Where Antom posts (the path of the notify URL registered with Antom). The signature covers this path, so it
    /// must be the path Antom used: a proxy in front must not rewrite it.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>Larger bodies are refused with 413 before anything else is looked at. Antom's notifications are a few KiB.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How far in the PAST <c>request-time</c> may be (the key keeps its old name). Default 26 h: Antom re-sends an
    /// unacknowledged notification for about 24 h (the schedule's intervals add up to 24 h 22 min) and does not document
    /// whether a re-send carries a fresh <c>request-time</c>. A shorter window could turn every re-send of a notification
    /// that once met a Temporal outage into a 401 — lost for good. A replay of an authentic notification changes nothing
    /// (acknowledged without a signal once recorded), so the window only has to bound replays, not stop them.
    /// <c>-00:00:00.001</c> (infinite) turns the past bound off; <see cref="AllowedFutureSkew"/> still applies.
    /// </summary>
    public TimeSpan AllowedSkew { get; set; } = TimeSpan.FromHours(26);

    /// <summary>
    /// How far AHEAD of this server's clock <c>request-time</c> may be: clock skew between Antom and us, nothing more.
    /// Antom's re-sends only ever make it older, so nothing legitimate needs a day into the future, while a day ahead would
    /// let a captured notification be replayed for two days. At most one hour.
    /// </summary>
    public TimeSpan AllowedFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many ids of notifications seen recorded in Temporal this process remembers (least recently used dropped
    /// first; about 400 bytes each), so a re-send or replay is acknowledged without any Temporal call. 0 turns it off:
    /// every one is then checked with the workflow's <c>HasNotification</c> query.
    /// </summary>
    public int RecordedIdCacheSize { get; set; } = 100_000;

    /// <summary>
    /// Deadline of the <c>HasNotification</c> query asked before signalling (within <see cref="TemporalTimeout"/>). When it
    /// is not answered in time (no worker, a worker without the query, Temporal slow) the notification is signalled
    /// anyway and the workflow ignores it if it is a duplicate: acknowledging safely comes first. Unset: see
    /// <see cref="EffectiveDuplicateQueryTimeout"/>, so a short <see cref="TemporalTimeout"/> set before this existed stays valid.
    /// </summary>
    public TimeSpan? DuplicateQueryTimeout { get; set; }

    /// <summary><see cref="DuplicateQueryTimeout"/>, else 1 s or half of <see cref="TemporalTimeout"/> if that is shorter.</summary>
    public TimeSpan EffectiveDuplicateQueryTimeout =>
        DuplicateQueryTimeout ?? TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, TemporalTimeout.Ticks / 2));

    /// <summary>
    /// Deadline for recording one notification in Temporal (every call it takes: signal, describe, signal-with-start).
    /// Past it the answer is 503 with Antom's failure body and Antom re-sends. Below Antom's own wait for an answer.
    /// </summary>
    public TimeSpan TemporalTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
