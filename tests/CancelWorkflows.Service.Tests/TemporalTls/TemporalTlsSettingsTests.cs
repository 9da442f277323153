using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.TemporalTls;

/// <summary>The mTLS settings checked at start (files there, PEM, the key that of the certificate, both or neither; each
/// message names its setting) and mapped into the SDK's TLS options.</summary>
public sealed class TemporalTlsSettingsTests : IDisposable
{
    private readonly TempFolder folder = new("cw-tls-");
    private readonly TempFolder otherFolder = new("cw-tls-other-");
    private readonly TestCertificates certificates;
    private readonly TestCertificates other;
    private readonly TemporalOptionsValidator validator = new();

    public TemporalTlsSettingsTests()
    {
        certificates = TestCertificates.Create(folder.Path);
        other = TestCertificates.Create(otherFolder.Path, "Another CA");
    }

    public void Dispose()
    {
        certificates.Dispose();
        other.Dispose();
        folder.Dispose();
        otherFolder.Dispose();
    }

    [Fact]
    public void Validate_CompleteMutualTls_SucceedsAndTurnsTlsOn()
    {
        var options = Options(certificates.ClientCertPath, certificates.ClientKeyPath, certificates.CaPath);
        options.Tls = null;

        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.True(options.UsesTls);
    }

    [Fact]
    public void ToTlsOptions_MapsEveryFileAndTheServerName()
    {
        var tls = TemporalTlsFiles.ToTlsOptions(Options(certificates.ClientCertPath, certificates.ClientKeyPath, certificates.CaPath));

        Assert.NotNull(tls);
        Assert.Equal(TestCertificates.ServerName, tls.Domain);
        Assert.Equal(File.ReadAllBytes(certificates.ClientCertPath), tls.ClientCert);
        Assert.Equal(File.ReadAllBytes(certificates.ClientKeyPath), tls.ClientPrivateKey);
        Assert.Equal(File.ReadAllBytes(certificates.CaPath), tls.ServerRootCACert);
    }

    [Fact]
    public void ToTlsOptions_TlsOff_Null() =>
        Assert.Null(TemporalTlsFiles.ToTlsOptions(new TemporalOptions { Address = "temporal:7233" }));

    [Fact]
    public void Validate_CertificateWithoutKey_NamesBothSettings()
    {
        var failure = Assert.Single(validator.Validate(null, Options(certificates.ClientCertPath, null, null)).Failures!);

        Assert.Contains("Temporal:ClientCertPath and Temporal:ClientKeyPath go together", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyWithoutCertificate_NamesBothSettings() =>
        Assert.Contains(
            validator.Validate(null, Options(null, certificates.ClientKeyPath, null)).Failures!,
            f => f.Contains("Temporal:ClientCertPath and Temporal:ClientKeyPath go together", StringComparison.Ordinal));

    [Theory]
    [InlineData("cert", "Temporal:ClientCertPath: no file at")]
    [InlineData("key", "Temporal:ClientKeyPath: no file at")]
    [InlineData("ca", "Temporal:ServerCaCertPath: no file at")]
    public void Validate_MissingFile_NamesItsSetting(string missing, string message)
    {
        var absent = Path.Combine(folder.Path, "absent.pem");
        var options = Options(
            missing == "cert" ? absent : certificates.ClientCertPath,
            missing == "key" ? absent : certificates.ClientKeyPath,
            missing == "ca" ? absent : certificates.CaPath);

        Assert.Contains(validator.Validate(null, options).Failures!, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_KeyOfAnotherCertificate_Refused() =>
        Assert.Contains(
            validator.Validate(null, Options(certificates.ClientCertPath, other.ClientKeyPath, null)).Failures!,
            f => f.Contains("are not a PEM certificate and its private key", StringComparison.Ordinal));

    [Fact]
    public void Validate_NotPem_NamesTheSetting()
    {
        var garbage = Path.Combine(folder.Path, "garbage.pem");
        File.WriteAllText(garbage, "not a certificate");

        var failures = validator.Validate(null, Options(garbage, certificates.ClientKeyPath, garbage)).Failures!;

        Assert.Contains(failures, f => f.StartsWith("Temporal:ClientCertPath", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Temporal:ServerCaCertPath", StringComparison.Ordinal) && f.Contains("holds no PEM certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CertificatesWithTlsOff_Refused()
    {
        var options = Options(certificates.ClientCertPath, certificates.ClientKeyPath, certificates.CaPath);
        options.Tls = false;

        Assert.Contains(validator.Validate(null, options).Failures!, f => f.Contains("Temporal:Tls is false", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ServerNameWithTlsOff_NamesTemporalServerName() =>
        Assert.Contains(
            validator.Validate(null, new TemporalOptions { Address = "temporal:7233", ServerName = "temporal.payments.internal" }).Failures!,
            f => f.StartsWith("Temporal:ServerName", StringComparison.Ordinal));

    [Fact]
    public void Validate_CertificatesInDevMode_Refused()
    {
        var options = Options(certificates.ClientCertPath, certificates.ClientKeyPath, null);
        options.Address = null;

        Assert.Contains(validator.Validate(null, options).Failures!, f => f.Contains("dev mode's own server has no TLS", StringComparison.Ordinal));
    }

    private static TemporalOptions Options(string? cert, string? key, string? ca) => new()
    {
        Address = "temporal.payments.internal:7233",
        Tls = true,
        ClientCertPath = cert,
        ClientKeyPath = key,
        ServerCaCertPath = ca,
        ServerName = TestCertificates.ServerName,
    };
}
