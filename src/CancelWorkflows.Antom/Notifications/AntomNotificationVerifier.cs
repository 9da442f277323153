using System.Globalization;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Antom.Notifications;

/// <summary>Why a notification was refused. The ingress answers 401 for every one of them (never 5xx).</summary>
public enum NotificationRejection
{
    /// <summary><c>client-id</c>, <c>request-time</c> or <c>signature</c> absent or empty.</summary>
    MissingHeaders,

    /// <summary><c>client-id</c> is not ours.</summary>
    WrongClientId,

    /// <summary><c>request-time</c> is outside the allowed skew, or neither epoch milliseconds nor ISO 8601.</summary>
    StaleRequestTime,

    /// <summary>The signature does not verify over the raw body with Antom's public key.</summary>
    BadSignature,
}

/// <summary>The verdict on one notification. <see cref="Reason"/> is fit for logs: no signature, no key.</summary>
public sealed record NotificationVerdict(bool Valid, NotificationRejection? Rejection, string Reason)
{
    /// <summary>The notification is authentic and fresh.</summary>
    public static NotificationVerdict Accepted { get; } = new(true, null, "signature verified");

    /// <summary>A refusal.</summary>
    public static NotificationVerdict Rejected(NotificationRejection rejection, string reason) => new(false, rejection, reason);
}

/// <summary>
/// Verifies an Antom notification (antom-api.md §4–§5): <c>POST &lt;path&gt;\n&lt;client-id&gt;.&lt;request-time&gt;.&lt;raw body&gt;</c>
/// against Antom's public key. Checks, in order: headers present, client id ours, signature, then freshness — so a
/// <see cref="NotificationRejection.StaleRequestTime"/> verdict means "authentic but old" (a replay or a clock problem).
/// Thread-safe; one instance serves the whole ingress.
/// </summary>
/// <remarks>
/// <paramref name="allowedSkew"/> bounds |now − request-time|; <see cref="Timeout.InfiniteTimeSpan"/> disables the check.
/// Whether Antom refreshes <c>request-time</c> on its re-sends (up to 24 h later) is not documented: choose the skew
/// with that in mind.
/// </remarks>
public sealed class AntomNotificationVerifier(RSA antomPublicKey, string expectedClientId, TimeProvider time, TimeSpan allowedSkew)
{
    private readonly RSA key = antomPublicKey ?? throw new ArgumentNullException(nameof(antomPublicKey));
    private readonly string clientId = string.IsNullOrWhiteSpace(expectedClientId)
        ? throw new ArgumentException("The expected client id is required.", nameof(expectedClientId))
        : expectedClientId;
    private readonly TimeProvider clock = time ?? throw new ArgumentNullException(nameof(time));
    private readonly TimeSpan skew = allowedSkew == Timeout.InfiniteTimeSpan || allowedSkew >= TimeSpan.Zero
        ? allowedSkew
        : throw new ArgumentOutOfRangeException(nameof(allowedSkew), "The allowed skew must be zero or more, or infinite.");
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

        if (!string.Equals(clientIdHeader, clientId, StringComparison.Ordinal))
        {
            return NotificationVerdict.Rejected(NotificationRejection.WrongClientId, $"client-id '{Printable(clientIdHeader)}' is not the configured client id");
        }

        bool verified;
        lock (gate)
        {
            verified = AntomSignature.Verify(key, path, clientIdHeader, requestTimeHeader, body, signatureHeader);
        }

        if (!verified)
        {
            return NotificationVerdict.Rejected(NotificationRejection.BadSignature, $"signature does not verify over the body ({body.Length} bytes) for path {Printable(path)}");
        }

        if (!TryParseRequestTime(requestTimeHeader, out var sent))
        {
            return NotificationVerdict.Rejected(NotificationRejection.StaleRequestTime, $"request-time '{Printable(requestTimeHeader)}' is neither epoch milliseconds nor ISO 8601");
        }

        if (skew != Timeout.InfiniteTimeSpan)
        {
            var now = clock.GetUtcNow();
            var off = (now - sent).Duration();
            if (off > skew)
            {
                return NotificationVerdict.Rejected(
                    NotificationRejection.StaleRequestTime,
                    $"request-time {sent:O} is {off} away from now {now:O} (allowed {skew})");
            }
        }

        return NotificationVerdict.Accepted;
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
