using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// The merchant's private key and Antom's public key for tests whose subject is configuration, not keys: each made once
/// per test run, since each RSA-2048 generation costs about 0.2 CPU-s here and a test that writes key files into its own
/// folder would otherwise make two per test.
/// Tests about key generation itself (dev mode's first start, the simulator's kept key) still generate their own.
/// </summary>
public static class TestKeyPairs
{
    private static readonly Lazy<string> MerchantPrivate = new(() => Generate(AntomKeys.ExportPrivatePem));
    private static readonly Lazy<string> AntomPublic = new(() => Generate(AntomKeys.ExportPublicPem));

    /// <summary>The merchant's private key (PKCS#8 PEM), as <c>Antom:MerchantPrivateKeyPath</c> holds it.</summary>
    public static string MerchantPrivatePem => MerchantPrivate.Value;

    /// <summary>Antom's public key (SPKI PEM), as <c>Antom:AntomPublicKeyPath</c> holds it.</summary>
    public static string AntomPublicPem => AntomPublic.Value;

    private static string Generate(Func<RSA, string> export)
    {
        using var rsa = AntomKeys.Generate();
        return export(rsa);
    }
}
