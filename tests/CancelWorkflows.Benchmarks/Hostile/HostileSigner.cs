using System.Globalization;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>Signs notifications as Antom does (antom-api.md §5), with Antom's key or a key Antom never had.</summary>
public sealed class HostileSigner(HostileTarget target)
{
    public const string SignatureHeader = AntomSignature.HeaderName;

    private static readonly Lazy<RSA> Stranger = new(() => RSA.Create(2048));

    public IReadOnlyList<(string, string)> Authentic(byte[] body, DateTimeOffset? at = null, string? clientId = null) =>
        Headers(target.AntomKey, body, at, clientId);

    public IReadOnlyList<(string, string)> Forged(byte[] body) => Headers(Stranger.Value, body, null, null);

    private List<(string, string)> Headers(RSA key, byte[] body, DateTimeOffset? at, string? clientId)
    {
        var time = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var client = clientId ?? target.ClientId;
        return
        [
            (AntomSignature.ClientIdHeader, client),
            (AntomSignature.RequestTimeHeader, time),
            (SignatureHeader, AntomSignature.SignHeader(key, "/" + target.NotificationPath.TrimStart('/'), client, time, body)),
        ];
    }
}
