using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Temporalio.Client;

namespace CancelWorkflows.Service.Configuration;

/// <summary>
/// <c>Temporal:ClientCertPath</c>, <c>Temporal:ClientKeyPath</c>, <c>Temporal:ServerCaCertPath</c>, <c>Temporal:ServerName</c>
/// as the SDK's <see cref="TlsOptions"/>: checked at start (files there and readable as PEM, the key that of the
/// certificate), then read as bytes for the connection.
/// </summary>
public static class TemporalTlsFiles
{
    /// <summary>Why the files cannot be used, each naming its setting; empty when they can.</summary>
    public static IReadOnlyList<string> Problems(TemporalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var cert = Set(options.ClientCertPath);
        var key = Set(options.ClientKeyPath);
        if (cert is null != (key is null))
        {
            failures.Add("Temporal:ClientCertPath and Temporal:ClientKeyPath go together (mTLS): set both, or neither.");
        }
        else if (cert is not null && key is not null && FileProblem("Temporal:ClientCertPath", cert) is null && FileProblem("Temporal:ClientKeyPath", key) is null)
        {
            try
            {
                using var pair = X509Certificate2.CreateFromPemFile(cert, key);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                // ArgumentException: a key that is not the certificate's.
                failures.Add($"Temporal:ClientCertPath '{cert}' and Temporal:ClientKeyPath '{key}' are not a PEM certificate and its private key ({e.Message}).");
            }
        }

        failures.AddRange(new[] { ("Temporal:ClientCertPath", cert), ("Temporal:ClientKeyPath", key), ("Temporal:ServerCaCertPath", Set(options.ServerCaCertPath)) }
            .Where(s => s.Item2 is not null)
            .Select(s => FileProblem(s.Item1, s.Item2!))
            .OfType<string>());

        if (Set(options.ServerCaCertPath) is { } ca && FileProblem("Temporal:ServerCaCertPath", ca) is null)
        {
            var certificates = new X509Certificate2Collection();
            try
            {
                certificates.ImportFromPemFile(ca);
            }
            catch (CryptographicException)
            {
                // counted below
            }

            if (certificates.Count == 0)
            {
                failures.Add($"Temporal:ServerCaCertPath '{ca}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
            }

            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }

        return failures;
    }

    /// <summary>The TLS options for the connection; null when TLS is off.</summary>
    public static TlsOptions? ToTlsOptions(TemporalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UsesTls)
        {
            return null;
        }

        return new TlsOptions
        {
            Domain = Set(options.ServerName),
            ServerRootCACert = Set(options.ServerCaCertPath) is { } ca ? File.ReadAllBytes(ca) : null,
            ClientCert = Set(options.ClientCertPath) is { } cert ? File.ReadAllBytes(cert) : null,
            ClientPrivateKey = Set(options.ClientKeyPath) is { } key ? File.ReadAllBytes(key) : null,
        };
    }

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? FileProblem(string setting, string path)
    {
        if (!File.Exists(path))
        {
            return $"{setting}: no file at '{path}'.";
        }

        try
        {
            using var stream = File.OpenRead(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{setting}: '{path}' cannot be read ({e.Message}).";
        }
    }
}
