using System.Diagnostics;

namespace CancelWorkflows.Antom.Tests.Support;

/// <summary>Runs the <c>openssl</c> command line (OpenSSL 3). A missing binary fails the test: never a silent skip.</summary>
internal static class OpenSsl
{
    public static OpenSslResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', arguments)} did not finish within 60 s");
        }

        return new OpenSslResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs and requires exit code 0.</summary>
    public static OpenSslResult Ok(string workingDirectory, params string[] arguments)
    {
        var result = Run(workingDirectory, arguments);
        Assert.True(result.ExitCode == 0, $"openssl {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StdErr}");
        return result;
    }
}

internal sealed record OpenSslResult(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// One RSA-2048 key made by <c>openssl genpkey</c>, in every form Antom's dashboard and SDKs use: PKCS#8 PEM, PKCS#1
/// ("traditional") PEM, SPKI PEM, PKCS#1 public PEM, and bare base64 DER (PKCS#8 private, X.509 SPKI public).
/// </summary>
public sealed class OpenSslKeyFixture : IDisposable
{
    public OpenSslKeyFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("antom-openssl-").FullName;
        OpenSsl.Ok(Directory, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem");
        OpenSsl.Ok(Directory, "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        OpenSsl.Ok(Directory, "rsa", "-in", "key.pem", "-traditional", "-out", "key-pkcs1.pem");
        OpenSsl.Ok(Directory, "rsa", "-in", "key.pem", "-RSAPublicKey_out", "-out", "pub-pkcs1.pem");
        OpenSsl.Ok(Directory, "pkey", "-in", "key.pem", "-outform", "DER", "-out", "key.der");
        OpenSsl.Ok(Directory, "pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der");
    }

    public string Directory { get; }

    public string PrivateKeyPath => File("key.pem");

    public string PublicKeyPath => File("pub.pem");

    public string PrivateKeyPkcs8Pem => System.IO.File.ReadAllText(File("key.pem"));

    public string PrivateKeyPkcs1Pem => System.IO.File.ReadAllText(File("key-pkcs1.pem"));

    public string PublicKeySpkiPem => System.IO.File.ReadAllText(File("pub.pem"));

    public string PublicKeyPkcs1Pem => System.IO.File.ReadAllText(File("pub-pkcs1.pem"));

    public string PrivateKeyBase64Pkcs8 => Convert.ToBase64String(System.IO.File.ReadAllBytes(File("key.der")));

    public string PublicKeyBase64X509 => Convert.ToBase64String(System.IO.File.ReadAllBytes(File("pub.der")));

    public string File(string name) => Path.Combine(Directory, name);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
