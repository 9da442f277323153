using CancelWorkflows.Workflows.Activities;
using Temporalio.Client;
using Temporalio.Converters;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// What the API writes into a cancel workflow's memo at start: who asked (also read by the callback signer on the worker)
/// and, when given, the <c>Idempotency-Key</c> with the request's fingerprint; the Antom merchant it goes out as. Visible
/// in Temporal Web.
/// </summary>
public sealed record CancellationMemo(string? RequestedBy, string? IdempotencyKey, string? RequestFingerprint, string? AntomMerchant = null)
{
    public const string AntomMerchantKey = "antomMerchant";

    public const string RequestedByKey = CallerMemo.RequestedByKey;
    public const string IdempotencyKeyKey = "idempotencyKey";
    public const string RequestFingerprintKey = "requestFingerprint";

    /// <summary>The memo to start with (no null values: Temporal refuses them).</summary>
    public IReadOnlyDictionary<string, object> ToMemo()
    {
        var memo = new Dictionary<string, object>(StringComparer.Ordinal);
        if (RequestedBy is not null)
        {
            memo[RequestedByKey] = RequestedBy;
        }

        if (IdempotencyKey is not null && RequestFingerprint is not null)
        {
            memo[IdempotencyKeyKey] = IdempotencyKey;
            memo[RequestFingerprintKey] = RequestFingerprint;
        }

        if (AntomMerchant is not null)
        {
            memo[AntomMerchantKey] = AntomMerchant;
        }

        return memo;
    }

    public static async Task<CancellationMemo> ReadAsync(WorkflowExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return new(
            await ValueAsync(execution.Memo, RequestedByKey),
            await ValueAsync(execution.Memo, IdempotencyKeyKey),
            await ValueAsync(execution.Memo, RequestFingerprintKey),
            await ValueAsync(execution.Memo, AntomMerchantKey));
    }

    private static async Task<string?> ValueAsync(IReadOnlyDictionary<string, IEncodedRawValue> memo, string key) =>
        memo.TryGetValue(key, out var raw) ? await raw.ToValueAsync<string>() : null;
}
