using System.Net;
using System.Text;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Tests.Support;

namespace CancelWorkflows.Antom.Tests;

/// <summary>
/// Our signatures against an independent implementation: the <c>openssl</c> command line signs and verifies the exact
/// content Antom specifies (docs/antom-api.md §5), in both directions.
/// </summary>
public sealed class OpenSslCrossCheckTests(OpenSslKeyFixture keys) : IClassFixture<OpenSslKeyFixture>
{
    private const string Path = "/ams/api/v1/payments/cancel";
    private const string ClientId = "2188120000000001";
    private const string Time = "1764151200123";
    private const string Body = "{\"paymentId\":\"20251126114010800100188000000001\",\"paymentRequestId\":\"pr-ä-1\"}";

    public static TheoryData<string, string, string, string> ChangedContent => new()
    {
        { "/ams/sandbox/api/v1/payments/cancel", ClientId, Time, Body },
        { Path, "2188120000000002", Time, Body },
        { Path, ClientId, "1764151200124", Body },
        { Path, ClientId, Time, Body.Replace("pr-ä-1", "pr-ä-2", StringComparison.Ordinal) },
    };

    [Fact]
    public void Verify_SignatureMadeByOpenSsl_IsTrue()
    {
        var content = WriteContent("content.txt", Path, ClientId, Time, Body);
        OpenSsl.Ok(keys.Directory, "dgst", "-sha256", "-sign", keys.PrivateKeyPath, "-out", "openssl.sig", content);
        var header = AntomSignature.HeaderValue(WebUtility.UrlEncode(Convert.ToBase64String(File.ReadAllBytes(keys.File("openssl.sig")))));
        using var publicKey = AntomKeys.LoadPublicKeyFile(keys.PublicKeyPath);

        Assert.True(AntomSignature.Verify(publicKey, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body), header));
    }

    [Theory]
    [MemberData(nameof(ChangedContent))]
    public void Verify_OpenSslSignatureOverChangedPathClientTimeOrBody_IsFalse(string path, string clientId, string time, string body)
    {
        var content = WriteContent("content-orig.txt", Path, ClientId, Time, Body);
        OpenSsl.Ok(keys.Directory, "dgst", "-sha256", "-sign", keys.PrivateKeyPath, "-out", "openssl-orig.sig", content);
        var signature = WebUtility.UrlEncode(Convert.ToBase64String(File.ReadAllBytes(keys.File("openssl-orig.sig"))));
        using var publicKey = AntomKeys.LoadPublicKeyFile(keys.PublicKeyPath);

        Assert.True(AntomSignature.Verify(publicKey, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body), signature));
        Assert.False(AntomSignature.Verify(publicKey, path, clientId, time, Encoding.UTF8.GetBytes(body), signature));
    }

    [Fact]
    public void Sign_InCSharp_VerifiesWithOpenSsl()
    {
        using var privateKey = AntomKeys.LoadPrivateKeyFile(keys.PrivateKeyPath);
        var header = AntomSignature.SignHeader(privateKey, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body));
        WriteSignature(header, "csharp.sig");
        var content = WriteContent("content-cs.txt", Path, ClientId, Time, Body);

        var result = OpenSsl.Run(keys.Directory, "dgst", "-sha256", "-verify", keys.PublicKeyPath, "-signature", "csharp.sig", content);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Verified OK", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ChangedContent))]
    public void Sign_InCSharp_OpenSslRejectsChangedPathClientTimeOrBody(string path, string clientId, string time, string body)
    {
        using var privateKey = AntomKeys.LoadPrivateKeyFile(keys.PrivateKeyPath);
        var header = AntomSignature.SignHeader(privateKey, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body));
        var sigFile = $"csharp-{Guid.NewGuid():N}.sig";
        WriteSignature(header, sigFile);
        var changed = WriteContent($"changed-{Guid.NewGuid():N}.txt", path, clientId, time, body);

        var result = OpenSsl.Run(keys.Directory, "dgst", "-sha256", "-verify", keys.PublicKeyPath, "-signature", sigFile, changed);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Verification failure", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_InCSharpAndOpenSsl_SameKeySameContent_IdenticalSignatures()
    {
        // PKCS#1 v1.5 is deterministic: two implementations must agree byte for byte.
        var content = WriteContent("content-same.txt", Path, ClientId, Time, Body);
        OpenSsl.Ok(keys.Directory, "dgst", "-sha256", "-sign", keys.PrivateKeyPath, "-out", "same.sig", content);
        using var privateKey = AntomKeys.LoadPrivateKeyFile(keys.PrivateKeyPath);

        var ours = AntomSignature.Sign(privateKey, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(Convert.ToBase64String(File.ReadAllBytes(keys.File("same.sig"))), WebUtility.UrlDecode(ours));
    }

    private string WriteContent(string name, string path, string clientId, string time, string body)
    {
        // Written by hand, not through AntomSignature.Content: the test states the recipe independently.
        var file = keys.File(name);
        File.WriteAllBytes(file, Encoding.UTF8.GetBytes($"POST {path}\n{clientId}.{time}.{body}"));
        return file;
    }

    private void WriteSignature(string header, string name)
    {
        var encoded = header[(header.IndexOf("signature=", StringComparison.Ordinal) + "signature=".Length)..];
        File.WriteAllBytes(keys.File(name), Convert.FromBase64String(WebUtility.UrlDecode(encoded)));
    }
}
