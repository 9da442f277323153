using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>
/// <c>X-CancelWorkflows-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;</c>: the body
/// is signed byte for byte with the caller's secret, and the timestamp is part of what is signed, so a receiver can
/// refuse old (replayed) deliveries. Each delivery attempt is signed afresh; its <c>Idempotency-Key</c> stays the same.
/// </summary>
public static class CallbackSignature
{
    public const string HeaderName = "X-CancelWorkflows-Signature";

    public static string HeaderValue(string secret, DateTimeOffset time, ReadOnlySpan<byte> body)
    {
        var timestamp = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Compute(secret, timestamp, body)}";
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
