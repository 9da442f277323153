using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CancelWorkflows.Antom.Signing;

/// <summary>
/// Antom's message signature (docs/antom-api.md §5): <c>POST &lt;path&gt;\n&lt;client-id&gt;.&lt;time&gt;.&lt;body&gt;</c>, SHA256withRSA
/// PKCS#1 v1.5, base64, then URL-encoded; carried as <c>algorithm=RSA256,keyVersion=1,signature=…</c>. The same recipe
/// signs requests, answers (with <c>response-time</c>) and notifications.
/// </summary>
public static class AntomSignature
{
    public const string HeaderName = "signature";
    public const string ClientIdHeader = "client-id";
    public const string RequestTimeHeader = "request-time";
    public const string ResponseTimeHeader = "response-time";

    private const string SignaturePrefix = "signature=";

    /// <summary>The exact bytes that are signed. The body is used as received: never re-serialised.</summary>
    public static byte[] Content(string path, string clientId, string time, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(time);
        var head = Encoding.UTF8.GetBytes($"POST {path}\n{clientId}.{time}.");
        var content = new byte[head.Length + body.Length];
        head.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(head.Length));
        return content;
    }

    /// <summary>Signs and returns the URL-encoded base64 signature (the value after <c>signature=</c>).</summary>
    public static string Sign(RSA privateKey, string path, string clientId, string time, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var raw = privateKey.SignData(Content(path, clientId, time, body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return WebUtility.UrlEncode(Convert.ToBase64String(raw));
    }

    /// <summary>The full header value: <c>algorithm=RSA256,keyVersion=1,signature=&lt;urlencoded base64&gt;</c>.</summary>
    public static string HeaderValue(string urlEncodedSignature, int keyVersion = 1) =>
        $"algorithm=RSA256,keyVersion={keyVersion},{SignaturePrefix}{urlEncodedSignature}";

    /// <summary>Signs and formats the header in one step.</summary>
    public static string SignHeader(RSA privateKey, string path, string clientId, string time, ReadOnlySpan<byte> body) =>
        HeaderValue(Sign(privateKey, path, clientId, time, body));

    /// <summary>Verifies a <c>signature</c> header (or the bare value after <c>signature=</c>). False for anything malformed.</summary>
    public static bool Verify(RSA publicKey, string path, string clientId, string time, ReadOnlySpan<byte> body, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrWhiteSpace(signatureHeader) || string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(time))
        {
            return false;
        }

        var encoded = ExtractSignature(signatureHeader);
        if (encoded is null)
        {
            return false;
        }

        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(WebUtility.UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return false;
        }

        return publicKey.VerifyData(Content(path, clientId, time, body), raw, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The value after <c>signature=</c>; the header may also be just that value. Null when absent.</summary>
    public static string? ExtractSignature(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var at = header.IndexOf(SignaturePrefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return header.Contains('=', StringComparison.Ordinal) && header.Contains(',', StringComparison.Ordinal) ? null : header.Trim();
        }

        var value = header[(at + SignaturePrefix.Length)..];
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        return (comma >= 0 ? value[..comma] : value).Trim();
    }

    /// <summary>Antom's request-time: epoch milliseconds, as the current docs and the Java SDK send it.</summary>
    public static string RequestTime(DateTimeOffset now) => now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
