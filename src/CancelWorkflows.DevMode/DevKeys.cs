using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.DevMode;

/// <summary>
/// Makes dev mode's keys on first start and keeps them after (docs/design.md): the two merchants' and the simulator's RSA pairs
/// (PKCS#8 / SPKI PEM) and the dev API key. Kept keys matter: workflows resumed after a restart sign with the same
/// merchant key the simulator trusts, and scripts keep their API key.
/// </summary>
public static class DevKeys
{
    /// <summary>Creates what is missing and returns the dev API key.</summary>
    public static string Ensure(DevKeyFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(files.Directory);
        EnsurePair(files.MerchantPrivate, files.MerchantPublic);
        EnsurePair(files.SecondMerchantPrivate, files.SecondMerchantPublic);
        EnsurePair(files.AntomPrivate, files.AntomPublic);
        return EnsureApiKey(files.DevApiKey);
    }

    /// <summary>Keeps an existing private key; (re)writes the public half from it, so the two always match.</summary>
    public static void EnsurePair(string privatePath, string publicPath)
    {
        using var rsa = File.Exists(privatePath) ? AntomKeys.LoadPrivateKeyFile(privatePath) : AntomKeys.Generate();
        if (!File.Exists(privatePath))
        {
            WriteAtomically(privatePath, AntomKeys.ExportPrivatePem(rsa), secret: true);
        }

        var publicPem = AntomKeys.ExportPublicPem(rsa);
        if (!File.Exists(publicPath) || File.ReadAllText(publicPath).Trim() != publicPem.Trim())
        {
            WriteAtomically(publicPath, publicPem, secret: false);
        }
    }

    public static string EnsureApiKey(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var key = "cwdev_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        WriteAtomically(path, key + "\n", secret: true);
        return key;
    }

    /// <summary>Temp file + rename: a kill during the write leaves the old file or the new one, never half a key.</summary>
    private static void WriteAtomically(string path, string content, bool secret)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
