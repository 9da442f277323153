using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace CancelWorkflows.Service.Tests.TemporalTls;

/// <summary>
/// A Temporal frontend that requires mutual TLS, as a cluster with <c>server.tls</c> does: TLS (HTTP/2 by ALPN) on a
/// loopback port, a client certificate signed by the test CA required, the plain gRPC bytes passed on to a dev server
/// (whose CLI has no TLS options). <see cref="Handshakes"/> counts the client certificates it accepted.
/// </summary>
public sealed class MutualTlsProxy : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly TestCertificates certificates;
    private readonly int backendPort;
    private int handshakes;
    private int refused;

    private MutualTlsProxy(TestCertificates certificates, int backendPort)
    {
        this.certificates = certificates;
        this.backendPort = backendPort;
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Handshakes => Volatile.Read(ref handshakes);

    /// <summary>Handshakes that failed (no client certificate, one from another CA, a client that distrusts ours).</summary>
    public int Refused => Volatile.Read(ref refused);

    public static MutualTlsProxy Start(TestCertificates certificates, int backendPort)
    {
        var proxy = new MutualTlsProxy(certificates, backendPort);
        proxy.listener.Start();
        _ = proxy.AcceptAsync();
        return proxy;
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificates.Server,
                    ClientCertificateRequired = true,
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => IssuedByTestCa(certificate),
                    ApplicationProtocols = [SslApplicationProtocol.Http2],
                }, stop.Token);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            Interlocked.Increment(ref handshakes);
            using var backend = new TcpClient();
            try
            {
                await backend.ConnectAsync(IPAddress.Loopback, backendPort, stop.Token);
                var upstream = backend.GetStream();
                await Task.WhenAny(tls.CopyToAsync(upstream, stop.Token), upstream.CopyToAsync(tls, stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // one side closed
            }
        }
    }

    private bool IssuedByTestCa(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificates.Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
