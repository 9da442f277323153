namespace CancelWorkflows.AntomSimulator;

/// <summary>Configuration section <c>Simulator</c> (docs/design.md, "Simulator").</summary>
public sealed class SimulatorOptions
{
    /// <summary>The default configuration section.</summary>
    public const string SectionName = "Simulator";

    /// <summary>
    /// When set, the payment book (payments, effective cancels, call logs, refunds, merchants registered through the control
    /// API) is kept in <c>&lt;DataDir&gt;/simulator-book.json</c>, rewritten atomically (temp file + rename) on every change
    /// and reloaded at start. When no Antom key is configured, the generated key is kept there too
    /// (<c>antom-private.pem</c>, <c>antom-public.pem</c>) so a restart signs with the same key.
    /// </summary>
    public string? DataDir { get; set; }

    /// <summary>File with the simulator's ("Antom's") RSA private key (PEM or base64 PKCS#8).</summary>
    public string? AntomPrivateKeyPath { get; set; }

    /// <summary>The simulator's RSA private key inline. Wins over <see cref="AntomPrivateKeyPath"/>. Neither: a fresh 2048-bit key.</summary>
    public string? AntomPrivateKeyPem { get; set; }

    /// <summary>Trusted merchants: client id → the merchant's RSA public key (PEM or base64 SPKI, or a path to a file with it).</summary>
    public Dictionary<string, string> Merchants { get; set; } = new();

    /// <summary>
    /// The merchant a payment created without <c>clientId</c> belongs to. Unset: the one merchant of <see cref="Merchants"/> when
    /// there is exactly one (dev mode's merchant), else a payment must name its <c>clientId</c>.
    /// </summary>
    public string? DefaultClientId { get; set; }

    /// <summary>Default target of notifications when the control request does not name a <c>url</c>, and of notifyRefund for a
    /// refund whose request named no <c>refundNotifyUrl</c> (Antom's Dashboard URL).</summary>
    public string? NotifyUrl { get; set; }

    /// <summary>Multiplies Antom's notification retry intervals (0 s, 2 min, 10 min, …): 0.001 makes 2 min 120 ms.</summary>
    public double NotificationTimeScale { get; set; } = 1.0;
}
