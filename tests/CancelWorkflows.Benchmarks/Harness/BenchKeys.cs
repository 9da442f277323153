using System.Net;
using System.Net.Sockets;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>Key files for the processes of a benchmark, deleted at the end: the merchant's pair, and an "Antom" pair for a
/// simulator that runs as its own process.</summary>
public sealed class BenchKeys : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cw-bench-keys-").FullName;

    public BenchKeys()
    {
        using var merchant = AntomKeys.Generate();
        using var antom = AntomKeys.Generate();
        MerchantPublicPem = AntomKeys.ExportPublicPem(merchant);
        File.WriteAllText(MerchantPrivatePath, AntomKeys.ExportPrivatePem(merchant));
        File.WriteAllText(MerchantPublicPath, MerchantPublicPem);
        File.WriteAllText(AntomPrivatePath, AntomKeys.ExportPrivatePem(antom));
        File.WriteAllText(AntomPublicPath, AntomKeys.ExportPublicPem(antom));
    }

    public string MerchantPublicPem { get; }

    public string MerchantPrivatePath => Path.Combine(folder, "merchant-private.pem");

    public string MerchantPublicPath => Path.Combine(folder, "merchant-public.pem");

    public string AntomPrivatePath => Path.Combine(folder, "antom-private.pem");

    /// <summary>The public half of <see cref="AntomPrivatePath"/> (a simulator started with another key writes its own here).</summary>
    public string AntomPublicPath => Path.Combine(folder, "antom-public.pem");

    /// <summary>A loopback port free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
