namespace CancelWorkflows.Service.Configuration;

/// <summary>Configuration section <c>Api</c>: who may call <c>/v1/cancellations*</c> and <c>/v1/promotions*</c>, with which
/// roles, and how much.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// <c>Api:ApiKeys:&lt;caller&gt;</c> = the SHA-256 of that caller's key, as hex. Only hashes are configured, so a
    /// leaked configuration file gives no usable key. The caller's name is recorded as <c>RequestedBy</c>.
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>Api:Callers:&lt;caller&gt;:Roles</c> (the same section also holds each caller's <c>CallbackSecret</c>,
    /// read by the callback signer).</summary>
    public Dictionary<string, ApiCallerOptions> Callers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>Api:RateLimit:*</c>: requests per caller.</summary>
    public ApiRateLimitOptions RateLimit { get; set; } = new();

    /// <summary><c>Api:Wait:*</c>: how many starts may wait for their outcome at once.</summary>
    public ApiWaitOptions Wait { get; set; } = new();

    /// <summary>The roles configured for <paramref name="caller"/> (none when it has no entry).</summary>
    public IReadOnlyList<string> RolesOf(string caller) =>
        Callers.FirstOrDefault(c => string.Equals(c.Key, caller, StringComparison.OrdinalIgnoreCase)).Value?.Roles ?? [];
}
