using System.Security.Cryptography;

namespace CancelWorkflows.Antom.Client;

/// <summary>Antom's public keys of one merchant's settings, for a verifier of its notifications.</summary>
public static class AntomPublicKeys
{
    /// <summary>Antom's public key, and the next one while a rotation is configured; checked loadable at start-up.</summary>
    /// <exception cref="Signing.AntomKeyException">A key is missing or unusable; the message names the setting under <paramref name="section"/>.</exception>
    public static IReadOnlyList<RSA> Load(AntomClientOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AntomClientKeys.LoadAntomPublicKeys(options, section);
    }
}
