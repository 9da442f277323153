using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CancelWorkflows.Contracts;

namespace CancelWorkflows.Service.Api;

/// <summary>A stable digest of what a start asked for (the normalised body), to tell a retry from a different request
/// under the same <c>Idempotency-Key</c>.</summary>
public static class StartFingerprint
{
    /// <param name="body">The normalized body (<see cref="StartCancellationValidation.Normalize"/>).</param>
    public static string Of(StartCancellationRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        string?[] fields = [body.PaymentRequestId, body.PaymentId, body.Reason, body.BookingRef, body.Merchant, body.CallbackUrl];
        if (body.NotBefore is { } notBefore)
        {
            // Only when given, so fingerprints stored before notBefore existed still match their retries. The instant as
            // System.Text.Json writes it (what the typed client sends), so the same instant is the same request.
            fields = [.. fields, JsonSerializer.Serialize(notBefore)[1..^1]];
        }

        if (body.Fallback is { } fallback && fallback != CancellationFallbacks.None)
        {
            // Only when given, as notBefore, so fingerprints stored before the fallback existed still match their retries
            // ("none" spelled out was the same request as leaving it out then, and its fingerprint stays so).
            fields = [.. fields, "fallback:" + fallback];
        }

        if (body.AntomMerchant is { } merchant)
        {
            // Only when given, as above.
            fields = [.. fields, "antomMerchant:" + merchant];
        }

        var canonical = JsonSerializer.SerializeToUtf8Bytes(fields);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    /// <summary>Same digest, for code that compares strings read back from Temporal.</summary>
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
