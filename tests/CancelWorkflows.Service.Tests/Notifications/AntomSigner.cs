using System.Globalization;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>Signs notifications as Antom does (docs/antom-api.md §5): <c>POST &lt;path&gt;\n&lt;client-id&gt;.&lt;request-time&gt;.&lt;body&gt;</c>.</summary>
public sealed class AntomSigner(RSA privateKey, string clientId) : IDisposable
{
    public string ClientId { get; } = clientId;

    /// <summary>The public half, as the ingress is configured with it (<c>Antom:AntomPublicKey</c>).</summary>
    public string PublicKeyPem => AntomKeys.ExportPublicPem(privateKey);

    public static AntomSigner FromPemFile(string path, string clientId) => new(AntomKeys.LoadPrivateKey(File.ReadAllText(path)), clientId);

    /// <summary>A key Antom never had: its signatures must be refused.</summary>
    public static AntomSigner Stranger(string clientId) => new(RSA.Create(2048), clientId);

    /// <summary>The three headers for <paramref name="body"/> posted to <paramref name="path"/> at <paramref name="at"/>.</summary>
    public Dictionary<string, string> Headers(string path, ReadOnlySpan<byte> body, DateTimeOffset? at = null, string? clientIdHeader = null)
    {
        var time = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var client = clientIdHeader ?? ClientId;
        return new()
        {
            [AntomSignature.ClientIdHeader] = client,
            [AntomSignature.RequestTimeHeader] = time,
            [AntomSignature.HeaderName] = AntomSignature.SignHeader(privateKey, path, client, time, body),
        };
    }

    public void Dispose() => privateKey.Dispose();
}
