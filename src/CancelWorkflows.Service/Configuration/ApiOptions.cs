namespace CancelWorkflows.Service.Configuration;

/// <summary>Configuration section <c>Api</c>: who may call <c>/v1/cancellations*</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// <c>Api:ApiKeys:&lt;caller&gt;</c> = the SHA-256 of that caller's key, as hex. Only hashes are configured, so a
    /// leaked configuration file gives no usable key. The caller's name is recorded as <c>RequestedBy</c>.
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);
}
