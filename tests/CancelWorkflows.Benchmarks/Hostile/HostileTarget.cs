using System.Security.Cryptography;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>Who sends a hostile request: a caller's real key, another caller's, none, a key nobody has, an operator's, a
/// caller with the promotions role.</summary>
public enum HostileCaller
{
    Owner,
    Other,
    None,
    BadKey,
    Operator,
    Promoter,
}

/// <summary>A cancellation <see cref="HostileCaller.Owner"/> started and keeps running while the hostile requests are
/// sent; <see cref="Marker"/> (its bookingRef) appears in no request, so an answer to anyone else that contains it leaks
/// the owner's data.</summary>
public sealed record HostileVictim(string PaymentRequestId, string PaymentId, string Marker);

/// <summary>The service the hostile requests go to: its API and notification path on loopback, the keys of its callers
/// (<see cref="HostileCaller.Owner"/> and <see cref="HostileCaller.Other"/> plain callers), the key Antom signs
/// notifications with, and the owner's running cancellations.</summary>
public sealed class HostileTarget(
    Uri apiBase,
    string notificationPath,
    IReadOnlyDictionary<HostileCaller, string> keys,
    RSA antomKey,
    string clientId,
    IReadOnlyList<HostileVictim> victims)
{
    public Uri ApiBase { get; } = apiBase;

    public string NotificationPath { get; } = notificationPath;

    public IReadOnlyDictionary<HostileCaller, string> Keys { get; } = keys;

    /// <summary>Antom's private key (the simulator's): a signature made with it is authentic.</summary>
    public RSA AntomKey { get; } = antomKey;

    public string ClientId { get; } = clientId;

    public IReadOnlyList<HostileVictim> Victims { get; } = victims;
}
