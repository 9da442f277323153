using System.Security.Cryptography;

namespace CancelWorkflows.Antom.Signing;

/// <summary>
/// Loads RSA keys in the forms Antom's dashboard and SDKs use: PEM (PKCS#8 <c>PRIVATE KEY</c>, PKCS#1 <c>RSA PRIVATE KEY</c>,
/// SPKI <c>PUBLIC KEY</c>, PKCS#1 <c>RSA PUBLIC KEY</c>) or bare base64 DER (PKCS#8 private / X.509 SPKI public).
/// Errors never echo key material.
/// </summary>
public static class AntomKeys
{
    public static RSA LoadPrivateKey(string pemOrBase64)
    {
        ArgumentNullException.ThrowIfNull(pemOrBase64);
        var rsa = RSA.Create();
        try
        {
            var text = pemOrBase64.Trim();
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(text);
            }
            else
            {
                var der = Convert.FromBase64String(StripWhitespace(text));
                try
                {
                    rsa.ImportPkcs8PrivateKey(der, out _);
                }
                catch (CryptographicException)
                {
                    rsa.ImportRSAPrivateKey(der, out _);
                }
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            throw new AntomKeyException("The private key is neither PEM nor base64 PKCS#8/PKCS#1 RSA (content not shown).", e);
        }

        // A PEM holding only a public key imports without complaint; it would fail at the first signature instead.
        try
        {
            rsa.SignData([0], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new AntomKeyException("The private key setting holds no usable RSA private key (content not shown).", e);
        }

        return rsa;
    }

    public static RSA LoadPublicKey(string pemOrBase64)
    {
        ArgumentNullException.ThrowIfNull(pemOrBase64);
        var rsa = RSA.Create();
        try
        {
            var text = pemOrBase64.Trim();
            if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                // A private key where a public one belongs is a leak waiting to happen (public-key settings are
                // usually guarded less); refuse it rather than quietly deriving the public half.
                rsa.Dispose();
                throw new AntomKeyException("Expected a public key but found a private key PEM (content not shown).");
            }

            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(text);
            }
            else
            {
                var der = Convert.FromBase64String(StripWhitespace(text));
                try
                {
                    rsa.ImportSubjectPublicKeyInfo(der, out _);
                }
                catch (CryptographicException)
                {
                    rsa.ImportRSAPublicKey(der, out _);
                }
            }

            return rsa;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            throw new AntomKeyException("The public key is neither PEM nor base64 X.509/PKCS#1 RSA.", e);
        }
    }

    /// <summary>Reads a key file; the message names the path, never the content.</summary>
    public static RSA LoadPrivateKeyFile(string path) => LoadPrivateKey(ReadKeyFile(path));

    public static RSA LoadPublicKeyFile(string path) => LoadPublicKey(ReadKeyFile(path));

    /// <summary>A fresh 2048-bit pair (dev mode, simulator, tests).</summary>
    public static RSA Generate() => RSA.Create(2048);

    public static string ExportPrivatePem(RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    public static string ExportPublicPem(RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }

    private static string ReadKeyFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new AntomKeyException($"Key file not found: {path}");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AntomKeyException($"Key file cannot be read: {path} ({e.GetType().Name})", e);
        }
    }

    private static string StripWhitespace(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>A key could not be loaded. The message never contains key material.</summary>
public sealed class AntomKeyException : Exception
{
    public AntomKeyException()
    {
    }

    public AntomKeyException(string message)
        : base(message)
    {
    }

    public AntomKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
