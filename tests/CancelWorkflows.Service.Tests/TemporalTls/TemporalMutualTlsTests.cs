using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using CancelWorkflows.Service.Observability;
using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Client;
using Temporalio.Runtime;
using Temporalio.Testing;

namespace CancelWorkflows.Service.Tests.TemporalTls;

/// <summary>
/// <c>Temporal:Tls</c>, <c>ClientCertPath</c>, <c>ClientKeyPath</c>, <c>ServerCaCertPath</c>, <c>ServerName</c> as the service
/// maps them (<see cref="TemporalClientSettings"/>), against a frontend that requires mutual TLS: a real dev server behind
/// a TLS proxy that demands a client certificate of the test CA (the dev server itself has no TLS options).
/// </summary>
public sealed class TemporalMutualTlsTests : IAsyncLifetime
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);
    private readonly TempFolder folder = new("cw-mtls-");
    private readonly TempFolder otherFolder = new("cw-mtls-other-");
    private WorkflowEnvironment? devServer;
    private TestCertificates? certificates;
    private TestCertificates? otherCa;
    private MutualTlsProxy? proxy;

    private TestCertificates Certificates => certificates!;

    private MutualTlsProxy Proxy => proxy!;

    public async Task InitializeAsync()
    {
        devServer = await WorkflowEnvironment.StartLocalAsync(new()
        {
            DevServerOptions = new()
            {
                ExistingPath = Environment.GetEnvironmentVariable("TEMPORAL_CLI_PATH") is { Length: > 0 } cli ? cli : null,
                StartupTimeout = TimeSpan.FromSeconds(60),
            },
        });
        certificates = TestCertificates.Create(folder.Path);
        otherCa = TestCertificates.Create(otherFolder.Path, "Another CA");
        var port = int.Parse(devServer.Client.Connection.Options.TargetHost!.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
        proxy = MutualTlsProxy.Start(certificates, port);
    }

    public async Task DisposeAsync()
    {
        proxy?.Dispose();
        certificates?.Dispose();
        otherCa?.Dispose();
        if (devServer is not null)
        {
            await devServer.ShutdownAsync();
        }

        folder.Dispose();
        otherFolder.Dispose();
    }

    [Fact]
    public async Task Connect_ClientCertificateAndServerCa_MutualTlsToTheFrontend()
    {
        var temporal = Settings(Certificates.ClientCertPath, Certificates.ClientKeyPath, Certificates.CaPath);
        Assert.True(new TemporalOptionsValidator().Validate(null, temporal).Succeeded);

        var client = await TemporalClient.ConnectAsync(ConnectOptions(temporal)).WaitAsync(ConnectTimeout);
        var namespaces = await client.WorkflowService.ListNamespacesAsync(new());

        Assert.Contains(namespaces.Namespaces, n => n.NamespaceInfo.Name == "default");
        Assert.True(Proxy.Handshakes >= 1);
    }

    [Fact]
    public async Task Connect_WithoutClientCertificate_RefusedByTheFrontend()
    {
        var temporal = Settings(null, null, Certificates.CaPath);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var client = await TemporalClient.ConnectAsync(ConnectOptions(temporal)).WaitAsync(ConnectTimeout);
            await client.WorkflowService.ListNamespacesAsync(new(), new() { Timeout = TimeSpan.FromSeconds(10) });
        });
        Assert.Equal(0, Proxy.Handshakes);
    }

    [Fact]
    public async Task Connect_ServerCaThatDidNotSignTheFrontend_ClientRefuses()
    {
        var temporal = Settings(Certificates.ClientCertPath, Certificates.ClientKeyPath, otherCa!.CaPath);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var client = await TemporalClient.ConnectAsync(ConnectOptions(temporal)).WaitAsync(ConnectTimeout);
            await client.WorkflowService.ListNamespacesAsync(new(), new() { Timeout = TimeSpan.FromSeconds(10) });
        });
        Assert.Equal(0, Proxy.Handshakes);
    }

    private TemporalOptions Settings(string? cert, string? key, string? ca) => new()
    {
        Address = Proxy.Address,
        Tls = true,
        ClientCertPath = cert,
        ClientKeyPath = key,
        ServerCaCertPath = ca,
        ServerName = TestCertificates.ServerName,
    };

    private static TemporalClientConnectOptions ConnectOptions(TemporalOptions temporal)
    {
        var options = new TemporalClientConnectOptions();
        TemporalClientSettings.Apply(options, temporal, ServiceMode.Production, TemporalRuntime.Default, new TemporalTracingInterceptor());
        return options;
    }
}
