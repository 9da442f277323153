namespace CancelWorkflows.Workflows.Activities;

/// <summary>
/// Per-caller secrets that sign callbacks (configuration <c>Api:Callers:&lt;caller&gt;:CallbackSecret</c>, the caller being
/// the name of its API key, <c>Api:ApiKeys:&lt;caller&gt;</c>). A caller without a secret gets unsigned callbacks.
/// </summary>
public sealed class CallbackSigningOptions
{
    public const string Section = "Api";

    /// <summary>Shortest secret accepted at start (HMAC-SHA256 wants at least 128 bits).</summary>
    public const int MinSecretLength = 16;

    public Dictionary<string, CallerCallbackSettings> Callers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The caller's secret, or null when it has none (or the caller is unknown).</summary>
    public string? SecretFor(string? caller) =>
        caller is not null && Callers.TryGetValue(caller, out var settings) && !string.IsNullOrEmpty(settings.CallbackSecret)
            ? settings.CallbackSecret
            : null;

    /// <summary>The hosts that caller may be called back at (<c>Api:Callers:&lt;caller&gt;:CallbackHosts</c>), or null when
    /// it has no list (then any host with a public address).</summary>
    public IReadOnlyList<string>? CallbackHostsFor(string? caller) =>
        caller is not null && Callers.TryGetValue(caller, out var settings) && settings.CallbackHosts is { Count: > 0 } hosts
            ? hosts
            : null;
}

/// <summary>One caller's callback settings.</summary>
public sealed class CallerCallbackSettings
{
    /// <summary>The HMAC-SHA256 key of <c>X-CancelWorkflows-Signature</c>, shared with that caller.</summary>
    public string? CallbackSecret { get; set; }

    /// <summary>When set, the only hosts this caller's callback URLs may name: <c>host</c> (the scheme's default port) or
    /// <c>host:port</c>. They may resolve to the private network (the operator vouches for them); loopback, link-local
    /// and cloud metadata stay refused.</summary>
    public List<string> CallbackHosts { get; set; } = [];
}
