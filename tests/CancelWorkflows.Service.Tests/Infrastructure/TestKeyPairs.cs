using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// RSA pairs for tests whose subject is configuration, not keys: made once per test run, since each RSA-2048 generation
/// costs about 0.2 CPU-s here and a test that writes key files into its own folder would otherwise make two per test.
/// Tests about key generation itself (dev mode's first start, the simulator's kept key) still generate their own.
/// </summary>
public static class TestKeyPairs
{
    private static readonly Lazy<(string Private, string Public)> MerchantPair = new(Generate);
    private static readonly Lazy<(string Private, string Public)> AntomPair = new(Generate);

    /// <summary>The merchant's private key (PKCS#8 PEM), as <c>Antom:MerchantPrivateKeyPath</c> holds it.</summary>
    public static string MerchantPrivatePem => MerchantPair.Value.Private;

    /// <summary>Antom's public key (SPKI PEM), as <c>Antom:AntomPublicKeyPath</c> holds it.</summary>
    public static string AntomPublicPem => AntomPair.Value.Public;

    private static (string Private, string Public) Generate()
    {
        using var rsa = AntomKeys.Generate();
        return (AntomKeys.ExportPrivatePem(rsa), AntomKeys.ExportPublicPem(rsa));
    }
}
