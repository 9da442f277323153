using System.Security.Cryptography;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Service.Notifications;

/// <summary>Antom's public key as configured for the client (<c>Antom:AntomPublicKey</c> inline, else
/// <c>Antom:AntomPublicKeyPath</c>); already checked loadable at start by the Antom options validation.</summary>
public static class AntomPublicKeyLoader
{
    public static RSA Load(AntomClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.AntomPublicKey))
        {
            return AntomKeys.LoadPublicKey(options.AntomPublicKey);
        }

        if (!string.IsNullOrWhiteSpace(options.AntomPublicKeyPath))
        {
            return AntomKeys.LoadPublicKey(File.ReadAllText(options.AntomPublicKeyPath));
        }

        throw new InvalidOperationException("Antom:AntomPublicKeyPath (or Antom:AntomPublicKey) is required to verify Antom's notifications.");
    }
}
