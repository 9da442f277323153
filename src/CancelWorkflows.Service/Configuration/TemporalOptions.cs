namespace CancelWorkflows.Service.Configuration;

/// <summary>Configuration section <c>Temporal</c>: where the cluster is. No address: dev mode in the Development
/// environment, refused in any other (<see cref="Hosting.ServiceModeResolver"/>).</summary>
public sealed class TemporalOptions
{
    public const string Section = "Temporal";

    /// <summary><c>host:port</c> of the Temporal frontend. Unset: dev mode starts its own dev server (Development only).</summary>
    public string? Address { get; set; }

    public string Namespace { get; set; } = "default";

    /// <summary>API key (Temporal Cloud or a proxy that checks one). Sent only over TLS.</summary>
    public string? ApiKey { get; set; }

    /// <summary>TLS to the frontend. Unset: on when an API key is set, else off.</summary>
    public bool? Tls { get; set; }

    /// <summary>Server name to verify in the certificate, when it differs from the address's host.</summary>
    public string? TlsServerName { get; set; }

    public bool IsDevMode => string.IsNullOrWhiteSpace(Address);

    public bool UsesTls => Tls ?? !string.IsNullOrWhiteSpace(ApiKey);
}
