using System.ComponentModel.DataAnnotations;

namespace CancelWorkflows.Antom.Client;

/// <summary>
/// Configuration section <c>Antom</c> (keys fixed by docs/design.md: <c>Antom:GatewayUrl</c>, <c>Antom:ClientId</c>,
/// <c>Antom:MerchantPrivateKeyPath</c>, <c>Antom:AntomPublicKeyPath</c>). Each key is given either as a file path or
/// inline (PEM or bare base64 DER) — exactly one of the two.
/// </summary>
public class AntomClientOptions
{
    /// <summary>The default configuration section.</summary>
    public const string SectionName = "Antom";

    /// <summary>Scheme, host and port only, e.g. <c>https://open-sea-global.alipay.com</c> or <c>http://127.0.0.1:5090</c>.
    /// Antom's paths (<c>/ams/api/...</c>) are appended; a path in this URL is kept as a prefix but not signed.</summary>
    [Required(ErrorMessage = "Antom:GatewayUrl is required (the Antom gateway, e.g. https://open-sea-global.alipay.com).")]
    [Url(ErrorMessage = "Antom:GatewayUrl must be an absolute http:// or https:// URL.")]
    public string GatewayUrl { get; set; } = string.Empty;

    /// <summary>The merchant's client id; ids starting with <c>SANDBOX_</c> use the sandbox paths.</summary>
    [Required(ErrorMessage = "Antom:ClientId is required (the client id from Antom Dashboard).")]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>File with the merchant's RSA private key (PEM PKCS#8 or PKCS#1, or base64 PKCS#8).</summary>
    public string? MerchantPrivateKeyPath { get; set; }

    /// <summary>The merchant's RSA private key inline (PEM or base64 PKCS#8). Prefer the path form in production.</summary>
    public string? MerchantPrivateKey { get; set; }

    /// <summary>File with Antom's RSA public key (PEM SPKI or PKCS#1, or base64 X.509 SPKI).</summary>
    public string? AntomPublicKeyPath { get; set; }

    /// <summary>Antom's RSA public key inline (PEM or base64 X.509 SPKI).</summary>
    public string? AntomPublicKey { get; set; }

    /// <summary>During a key rotation: Antom's next public key (file). Answers and notifications verify with either key; once
    /// Antom has switched, it becomes <see cref="AntomPublicKeyPath"/> and this is removed.</summary>
    public string? AntomPublicKeyNextPath { get; set; }

    /// <summary>During a key rotation: Antom's next public key inline (PEM or base64 X.509 SPKI).</summary>
    public string? AntomPublicKeyNext { get; set; }

    /// <summary>Deadline for one call, connection to last byte. Past it the call reports <see cref="NoAnswerReason.Timeout"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent as <c>merchantAccountId</c> when a request does not carry its own (one client id shared by several accounts).</summary>
    public string? MerchantAccountId { get; set; }
}
