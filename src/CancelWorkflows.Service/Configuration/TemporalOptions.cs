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

    /// <summary>TLS to the frontend. Unset: on when an API key, a client certificate or a server CA is set, else off.</summary>
    public bool? Tls { get; set; }

    /// <summary>Server name to verify in the frontend's certificate (and to send as SNI), when it differs from the
    /// address's host.</summary>
    public string? ServerName { get; set; }

    /// <summary>mTLS: this service's client certificate (PEM; with its chain if the server needs it). With
    /// <see cref="ClientKeyPath"/>, or neither.</summary>
    public string? ClientCertPath { get; set; }

    /// <summary>mTLS: the client certificate's private key (PEM, PKCS#8 or PKCS#1).</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>The CA that signed the frontend's certificate (PEM), when it is not in the system's trust store.</summary>
    public string? ServerCaCertPath { get; set; }

    public bool IsDevMode => string.IsNullOrWhiteSpace(Address);

    public bool UsesTls => Tls ?? (IsSet(ApiKey) || IsSet(ClientCertPath) || IsSet(ClientKeyPath) || IsSet(ServerCaCertPath));

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
