using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Tests.Support;

namespace CancelWorkflows.Antom.Tests;

/// <summary>Every key form Antom's dashboard and SDKs hand out loads, all forms of one openssl key are the same key, and a
/// bad key fails with an <see cref="AntomKeyException"/> that does not repeat the key text.</summary>
public sealed class AntomKeysTests(OpenSslKeyFixture keys) : IClassFixture<OpenSslKeyFixture>
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"paymentRequestId\":\"pr-1\"}");

    public enum PrivateForm { Pkcs8Pem, Pkcs1Pem, Base64Pkcs8 }

    public enum PublicForm { SpkiPem, Pkcs1Pem, Base64X509 }

    [Theory]
    [InlineData(PrivateForm.Pkcs8Pem, PublicForm.SpkiPem)]
    [InlineData(PrivateForm.Pkcs1Pem, PublicForm.Pkcs1Pem)]
    [InlineData(PrivateForm.Base64Pkcs8, PublicForm.Base64X509)]
    [InlineData(PrivateForm.Pkcs1Pem, PublicForm.Base64X509)]
    [InlineData(PrivateForm.Base64Pkcs8, PublicForm.SpkiPem)]
    public void LoadPrivateAndPublicKey_OpenSslForms_SignatureRoundTrips(PrivateForm privateForm, PublicForm publicForm)
    {
        using var privateKey = AntomKeys.LoadPrivateKey(privateForm switch
        {
            PrivateForm.Pkcs8Pem => keys.PrivateKeyPkcs8Pem,
            PrivateForm.Pkcs1Pem => keys.PrivateKeyPkcs1Pem,
            _ => keys.PrivateKeyBase64Pkcs8,
        });
        using var publicKey = AntomKeys.LoadPublicKey(publicForm switch
        {
            PublicForm.SpkiPem => keys.PublicKeySpkiPem,
            PublicForm.Pkcs1Pem => keys.PublicKeyPkcs1Pem,
            _ => keys.PublicKeyBase64X509,
        });

        var signature = AntomSignature.Sign(privateKey, "/p", "c", "1", Body);

        Assert.True(AntomSignature.Verify(publicKey, "/p", "c", "1", Body, signature));
    }

    [Fact]
    public void LoadPrivateKey_Pkcs1PemFromOpenSsl_IsTraditionalForm()
    {
        // Guards the fixture: the PKCS#1 case really is PKCS#1, not PKCS#8 again.
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", keys.PrivateKeyPkcs1Pem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN RSA PUBLIC KEY-----", keys.PublicKeyPkcs1Pem, StringComparison.Ordinal);
        using var rsa = AntomKeys.LoadPrivateKey(keys.PrivateKeyPkcs1Pem);
        Assert.Equal(2048, rsa.KeySize);
    }

    [Fact]
    public void LoadPrivateKey_Base64WithLineBreaks_Loads()
    {
        var wrapped = string.Join('\n', keys.PrivateKeyBase64Pkcs8.Chunk(64).Select(c => new string(c)));

        using var rsa = AntomKeys.LoadPrivateKey(wrapped);

        Assert.Equal(2048, rsa.KeySize);
    }

    [Theory]
    [InlineData("-----BEGIN PRIVATE KEY-----\nU0VDUkVULUtFWS1NQVRFUklBTC0xMjM0NQ==\n-----END PRIVATE KEY-----", "U0VDUkVULUtFWS1NQVRFUklBTC0xMjM0NQ")]
    [InlineData("U0VDUkVULUtFWS1NQVRFUklBTC0xMjM0NQ==", "U0VDUkVULUtFWS1NQVRFUklBTC0xMjM0NQ")]
    [InlineData("my-secret-key-material-not-base64!", "my-secret-key-material")]
    public void LoadPrivateKey_Garbage_ThrowsAntomKeyExceptionWithoutKeyText(string garbage, string secretPart)
    {
        var e = Assert.Throws<AntomKeyException>(() => AntomKeys.LoadPrivateKey(garbage));

        Assert.DoesNotContain(secretPart, FullText(e), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN PUBLIC KEY-----\nU0VDUkVULUtFWS1NQVRFUklBTC0xMjM0NQ==\n-----END PUBLIC KEY-----", "U0VDUkVULUtFWS1NQVRFUklBTC0xMjM0NQ")]
    [InlineData("U0VDUkVULUtFWS1NQVRFUklBTC0xMjM0NQ==", "U0VDUkVULUtFWS1NQVRFUklBTC0xMjM0NQ")]
    public void LoadPublicKey_Garbage_ThrowsAntomKeyExceptionWithoutKeyText(string garbage, string secretPart)
    {
        var e = Assert.Throws<AntomKeyException>(() => AntomKeys.LoadPublicKey(garbage));

        Assert.DoesNotContain(secretPart, FullText(e), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPrivateKey_PublicKeyPem_ThrowsBecauseItCannotSign()
    {
        var e = Assert.Throws<AntomKeyException>(() => AntomKeys.LoadPrivateKey(keys.PublicKeySpkiPem));

        Assert.Contains("no usable RSA private key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPublicKey_PrivateKeyPem_ThrowsWithoutKeyText()
    {
        var pem = keys.PrivateKeyPkcs8Pem;

        var e = Assert.Throws<AntomKeyException>(() => AntomKeys.LoadPublicKey(pem));

        Assert.Contains("found a private key", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(pem.Split('\n')[1], FullText(e), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPrivateKeyFile_Missing_ThrowsNamingThePath()
    {
        var path = keys.File("does-not-exist.pem");

        var e = Assert.Throws<AntomKeyException>(() => AntomKeys.LoadPrivateKeyFile(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPrivateKeyFile_GarbageFile_ThrowsWithoutFileContent()
    {
        var path = keys.File("garbage.pem");
        File.WriteAllText(path, "-----BEGIN PRIVATE KEY-----\nTOPSECRETTOPSECRET\n-----END PRIVATE KEY-----\n");

        var e = Assert.Throws<AntomKeyException>(() => AntomKeys.LoadPrivateKeyFile(path));

        Assert.DoesNotContain("TOPSECRET", FullText(e), StringComparison.Ordinal);
    }

    [Fact]
    public void ExportPrivatePemAndPublicPem_GeneratedKey_ReloadAsPkcs8AndSpki()
    {
        using var generated = AntomKeys.Generate();

        var privatePem = AntomKeys.ExportPrivatePem(generated);
        var publicPem = AntomKeys.ExportPublicPem(generated);
        using var privateKey = AntomKeys.LoadPrivateKey(privatePem);
        using var publicKey = AntomKeys.LoadPublicKey(publicPem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", privatePem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicPem, StringComparison.Ordinal);
        Assert.True(AntomSignature.Verify(publicKey, "/p", "c", "1", Body, AntomSignature.Sign(privateKey, "/p", "c", "1", Body)));
    }

    private static string FullText(Exception e)
    {
        var text = new StringBuilder();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            text.Append(x.Message).Append('\n');
        }

        return text.Append(e).ToString();
    }
}
