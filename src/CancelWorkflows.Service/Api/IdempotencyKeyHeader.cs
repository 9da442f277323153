namespace CancelWorkflows.Service.Api;

/// <summary>
/// The optional <c>Idempotency-Key</c> header of <c>POST /v1/cancellations</c>. The workflow id already makes starts
/// idempotent per payment; the key adds two things, scoped to the calling service: a retry with the same key and body gets
/// the first answer (<c>created: true</c> again, where a keyless retry would hear "it already existed"), and the same key
/// with a different body for the same payment is refused with 422 instead of silently answering with the first request's
/// workflow. Key and body fingerprint are stored in the workflow's memo: durable, in Temporal, with no other store.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    public const int MaxLength = 255;

    /// <summary>Null when acceptable (or absent); else the message for the field error.</summary>
    public static string? Problem(string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (key.Length == 0 || key.Length > MaxLength)
        {
            return $"1 to {MaxLength} characters.";
        }

        return key.All(c => c is >= ' ' and <= '~') && !string.IsNullOrWhiteSpace(key)
            ? null
            : "Printable ASCII characters only.";
    }
}
