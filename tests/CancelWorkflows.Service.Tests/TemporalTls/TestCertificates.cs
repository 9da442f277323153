using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CancelWorkflows.Service.Tests.TemporalTls;

/// <summary>A CA, a server certificate for <see cref="ServerName"/> (and 127.0.0.1) and a client certificate it signed,
/// written as PEM files the way an operator mounts them.</summary>
public sealed class TestCertificates : IDisposable
{
    public const string ServerName = "temporal.test";

    private TestCertificates(string folder, X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client)
    {
        Folder = folder;
        Ca = ca;
        Server = server;
        Client = client;
    }

    public string Folder { get; }

    /// <summary>With its private key.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>With its private key (for the TLS server).</summary>
    public X509Certificate2 Server { get; }

    /// <summary>With its private key.</summary>
    public X509Certificate2 Client { get; }

    public string CaPath => Path.Combine(Folder, "ca.crt");

    public string ClientCertPath => Path.Combine(Folder, "tls.crt");

    public string ClientKeyPath => Path.Combine(Folder, "tls.key");

    public static TestCertificates Create(string folder, string caName = "CancelWorkflows test CA")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ServerName);
        names.AddIpAddress(IPAddress.Loopback);
        var server = Issue(ca, $"CN={ServerName}", "1.3.6.1.5.5.7.3.1", names.Build());
        var client = Issue(ca, "CN=cancelworkflows-worker", "1.3.6.1.5.5.7.3.2", null);

        var certificates = new TestCertificates(folder, ca, server, client);
        File.WriteAllText(certificates.CaPath, ca.ExportCertificatePem());
        File.WriteAllText(certificates.ClientCertPath, client.ExportCertificatePem());
        using var clientKey = client.GetECDsaPrivateKey()!;
        File.WriteAllText(certificates.ClientKeyPath, clientKey.ExportPkcs8PrivateKeyPem());
        return certificates;
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string usage, X509Extension? names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // Through PKCS#12 so the key is usable by the TLS server on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
