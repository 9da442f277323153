using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CancelWorkflows.Client;

/// <summary>
/// Checks <c>X-CancelWorkflows-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;raw body&gt;"&gt;</c> with
/// the secret the service has for this caller (<c>Api:Callers:&lt;caller&gt;:CallbackSecret</c>). Verify the raw bytes as
/// received, before parsing them.
/// </summary>
public static class CallbackSignatureVerifier
{
    public const string HeaderName = "X-CancelWorkflows-Signature";

    /// <summary>How old a signature may be by default (deliveries are signed afresh on every attempt).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> and its
    /// timestamp is within <paramref name="tolerance"/> (default 5 minutes) of <paramref name="now"/> (default: now).</summary>
    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string secret, TimeSpan? tolerance = null, DateTimeOffset? now = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signatures.Add(part[3..]);
            }
        }

        if (timestamp is null || signatures.Count == 0
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now ?? DateTimeOffset.UtcNow) - signedAt > (tolerance ?? DefaultTolerance) || signedAt - (now ?? DateTimeOffset.UtcNow) > (tolerance ?? DefaultTolerance))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s.ToLowerInvariant())));
    }

    /// <summary>Lower-case hex HMAC-SHA256 over <c>"&lt;timestamp&gt;." + body</c>.</summary>
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
