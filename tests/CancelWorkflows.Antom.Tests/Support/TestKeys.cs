using System.Security.Cryptography;

namespace CancelWorkflows.Antom.Tests.Support;

/// <summary>
/// Key pairs for tests, as PEM text: every user imports its own <see cref="RSA"/> instance, so parallel test classes
/// never share one. Generated once per test run (the known-vector key is committed in TestKeys/).
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<(string Private, string Public)> MerchantPair = new(Generate);
    private static readonly Lazy<(string Private, string Public)> AntomPair = new(Generate);
    private static readonly Lazy<(string Private, string Public)> StrangerPair = new(Generate);

    /// <summary>The merchant's pair: the client signs with the private half.</summary>
    public static string MerchantPrivatePem => MerchantPair.Value.Private;

    public static string MerchantPublicPem => MerchantPair.Value.Public;

    /// <summary>Antom's pair: the fake gateway signs answers with the private half.</summary>
    public static string AntomPrivatePem => AntomPair.Value.Private;

    public static string AntomPublicPem => AntomPair.Value.Public;

    /// <summary>A key nobody trusts.</summary>
    public static string StrangerPrivatePem => StrangerPair.Value.Private;

    public static string KnownVectorPrivatePemPath => Path.Combine(AppContext.BaseDirectory, "TestKeys", "known-vector-private.pem");

    public static RSA Import(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    private static (string Private, string Public) Generate()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }
}
