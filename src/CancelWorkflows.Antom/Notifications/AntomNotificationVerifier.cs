using System.Globalization;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Antom.Notifications;

/// <summary>Why a notification was refused. The ingress answers 401 for every one of them (never 5xx).</summary>
public enum NotificationRejection
{
    /// <summary><c>client-id</c>, <c>request-time</c> or <c>signature</c> absent or empty.</summary>
    MissingHeaders,

    /// <summary><c>client-id</c> is not that of a configured merchant.</summary>
    WrongClientId,

    /// <summary><c>request-time</c> is further in the past or ahead than allowed, or neither epoch milliseconds nor ISO 8601.</summary>
    StaleRequestTime,

    /// <summary>The signature does not verify over the raw body with Antom's public key.</summary>
    BadSignature,
}

/// <summary>The verdict on one notification. <see cref="Reason"/> is fit for logs: no signature, no key.</summary>
public sealed record NotificationVerdict(bool Valid, NotificationRejection? Rejection, string Reason)
{
    /// <summary>Of an accepted notification: the client id it was verified for (which merchant's notification it is).</summary>
    public string? ClientId { get; init; }

    /// <summary>The notification is authentic and fresh.</summary>
    public static NotificationVerdict Accepted { get; } = new(true, null, "signature verified");

    /// <summary>A refusal.</summary>
    public static NotificationVerdict Rejected(NotificationRejection rejection, string reason) => new(false, rejection, reason);
}

/// <summary>
/// Verifies an Antom notification (docs/antom-api.md §4–§5): <c>POST &lt;path&gt;\n&lt;client-id&gt;.&lt;request-time&gt;.&lt;raw body&gt;</c>
/// against Antom's public key. Checks, in order: headers present, client id one of ours, signature with that merchant's keys, then freshness — so a
/// <see cref="NotificationRejection.StaleRequestTime"/> verdict means "authentic but too old or too far ahead" (a replay or a clock problem).
/// Thread-safe; one instance serves the whole ingress.
/// </summary>
/// <remarks>
/// The two bounds differ on purpose. <paramref name="allowedPastSkew"/> bounds how old <c>request-time</c> may be: whether
/// Antom refreshes it on its re-sends (up to 24 h 22 min after the first delivery) is not documented, so it must cover
/// them; <see cref="Timeout.InfiniteTimeSpan"/> turns it off. <paramref name="allowedFutureSkew"/> bounds how far ahead it
/// may be: re-sends only ever make it older, so this is clock skew alone (minutes), and a large one would only extend how
/// long a captured notification can be replayed.
/// </remarks>
public sealed class AntomNotificationVerifier
{
    private readonly Dictionary<string, RSA[]> keysByClientId;
    private readonly TimeProvider clock;
    private readonly TimeSpan pastSkew;
    private readonly TimeSpan futureSkew;

    /// <summary>One merchant: its client id and Antom's public key.</summary>
    public AntomNotificationVerifier(RSA antomPublicKey, string expectedClientId, TimeProvider time, TimeSpan allowedPastSkew, TimeSpan allowedFutureSkew)
        : this(
            new Dictionary<string, IReadOnlyList<RSA>>(StringComparer.Ordinal)
            {
                [string.IsNullOrWhiteSpace(expectedClientId) ? throw new ArgumentException("The expected client id is required.", nameof(expectedClientId)) : expectedClientId] =
                    [antomPublicKey ?? throw new ArgumentNullException(nameof(antomPublicKey))],
            },
            time,
            allowedPastSkew,
            allowedFutureSkew)
    {
    }

    /// <summary>Several merchants: each client id with Antom's public keys for it (two during a key rotation; either
    /// verifies). A notification is verified with the keys of the client id it carries, and only those.</summary>
    public AntomNotificationVerifier(IReadOnlyDictionary<string, IReadOnlyList<RSA>> antomPublicKeysByClientId, TimeProvider time, TimeSpan allowedPastSkew, TimeSpan allowedFutureSkew)
    {
        ArgumentNullException.ThrowIfNull(antomPublicKeysByClientId);
        if (antomPublicKeysByClientId.Count == 0 || antomPublicKeysByClientId.Any(m => string.IsNullOrWhiteSpace(m.Key) || m.Value.Count == 0))
        {
            throw new ArgumentException("Every client id needs at least one of Antom's public keys.", nameof(antomPublicKeysByClientId));
        }

        keysByClientId = antomPublicKeysByClientId.ToDictionary(m => m.Key, m => m.Value.ToArray(), StringComparer.Ordinal);
        clock = time ?? throw new ArgumentNullException(nameof(time));
        pastSkew = allowedPastSkew == Timeout.InfiniteTimeSpan || allowedPastSkew >= TimeSpan.Zero
            ? allowedPastSkew
            : throw new ArgumentOutOfRangeException(nameof(allowedPastSkew), "The allowed past skew must be zero or more, or infinite.");
        futureSkew = allowedFutureSkew >= TimeSpan.Zero
            ? allowedFutureSkew
            : throw new ArgumentOutOfRangeException(nameof(allowedFutureSkew), "The allowed future skew must be zero or more.");
    }

    private readonly Lock gate = new();

    /// <summary>Verifies one notification. <paramref name="path"/> is the request path Antom posted to (the one it signed).</summary>
    public NotificationVerdict Verify(string path, string? clientIdHeader, string? requestTimeHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(clientIdHeader) || string.IsNullOrWhiteSpace(requestTimeHeader) || string.IsNullOrWhiteSpace(signatureHeader))
        {
            var missing = new[]
            {
                string.IsNullOrWhiteSpace(clientIdHeader) ? AntomSignature.ClientIdHeader : null,
                string.IsNullOrWhiteSpace(requestTimeHeader) ? AntomSignature.RequestTimeHeader : null,
                string.IsNullOrWhiteSpace(signatureHeader) ? AntomSignature.HeaderName : null,
            };
            return NotificationVerdict.Rejected(NotificationRejection.MissingHeaders, $"missing header(s): {string.Join(", ", missing.Where(m => m is not null))}");
        }

        if (!keysByClientId.TryGetValue(clientIdHeader, out var keys))
        {
            return NotificationVerdict.Rejected(NotificationRejection.WrongClientId, $"client-id '{Printable(clientIdHeader)}' is not the client id of a configured merchant");
        }

        var verified = false;
        lock (gate)
        {
            foreach (var key in keys)
            {
                if (AntomSignature.Verify(key, path, clientIdHeader, requestTimeHeader, body, signatureHeader))
                {
                    verified = true;
                    break;
                }
            }
        }

        if (!verified)
        {
            return NotificationVerdict.Rejected(NotificationRejection.BadSignature, $"signature does not verify over the body ({body.Length} bytes) for path {Printable(path)}");
        }

        if (!TryParseRequestTime(requestTimeHeader, out var sent))
        {
            return NotificationVerdict.Rejected(NotificationRejection.StaleRequestTime, $"request-time '{Printable(requestTimeHeader)}' is neither epoch milliseconds nor ISO 8601");
        }

        var now = clock.GetUtcNow();
        if (sent > now && sent - now > futureSkew)
        {
            return NotificationVerdict.Rejected(
                NotificationRejection.StaleRequestTime,
                $"request-time {sent:O} is {sent - now} ahead of now {now:O} (allowed ahead: {futureSkew})");
        }

        if (pastSkew != Timeout.InfiniteTimeSpan && now - sent > pastSkew)
        {
            return NotificationVerdict.Rejected(
                NotificationRejection.StaleRequestTime,
                $"request-time {sent:O} is {now - sent} before now {now:O} (allowed in the past: {pastSkew})");
        }

        return NotificationVerdict.Accepted with { ClientId = clientIdHeader };
    }

    /// <summary>Antom's request-time: epoch milliseconds (current docs, Java SDK) or ISO 8601 (older docs, .NET SDK).</summary>
    public static bool TryParseRequestTime(string? value, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        if (text.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        // ISO 8601 only: a date, 'T', a time; no offset means UTC.
        return text.Length >= 19 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private static string Printable(string value)
    {
        var clean = string.Concat(value.Select(c => char.IsControl(c) ? '?' : c));
        return clean.Length > 80 ? clean[..80] + "…" : clean;
    }
}
