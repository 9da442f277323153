using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// Loopback ports for tests, so they never collide with a developer's own dev mode on 5080/5090/7233/8233, nor with
/// each other: a port is handed out at most once per test process and is reserved against the other test processes on
/// the machine (a lock file held until this process exits).
/// </summary>
/// <remarks>
/// Ports come from below the kernel's ephemeral range. A port from inside it (what a port-0 listener is given) is free
/// only until some process needs an ephemeral port: any outgoing connection on the machine, or another test's port-0
/// pick, may take it between the choice and the server's bind, or between a kill and a restart on the same port, which
/// is how a restarted dev server once failed with "bind: address already in use" on its own Temporal port.
/// </remarks>
public static class FreePorts
{
    private const int PoolStart = 10000;
    private static readonly int PoolEnd = EphemeralRangeStart() - 1;
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Issued = [];

    /// <summary>The lock files that reserve this process's ports; open (locked) for the life of the process.</summary>
    private static readonly List<FileStream> Reservations = [];
    private static readonly string ReservationFolder = Path.Combine(Path.GetTempPath(), "cancelworkflows-test-ports");
    private static int next = PoolStart + Random.Shared.Next(PoolEnd - PoolStart);

    /// <summary>The first port the kernel hands out for outgoing connections and port-0 listeners.</summary>
    public static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768; // Linux's default; Windows and macOS start at 49152
        }
    }

    /// <summary>Distinct ports, free now, never handed out before in this run (by this process or a reserving one).</summary>
    public static int[] Take(int count)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(ReservationFolder);
            var ports = new int[count];
            for (var i = 0; i < count; i++)
            {
                ports[i] = NextPort();
            }

            return ports;
        }
    }

    private static int NextPort()
    {
        for (var tried = 0; tried <= PoolEnd - PoolStart; tried++)
        {
            var port = next;
            next = next >= PoolEnd ? PoolStart : next + 1;
            if (Issued.Contains(port) || !TryReserve(port))
            {
                continue;
            }

            Issued.Add(port);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port left in {PoolStart}-{PoolEnd}.");
    }

    private static bool TryReserve(int port)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix: another process holding it means that port is theirs.
            Reservations.Add(new FileStream(Path.Combine(ReservationFolder, $"{port}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits until every port can be listened on again (a stopped server's sockets are gone).</summary>
    public static async Task<bool> WaitUntilFreeAsync(IEnumerable<int> ports, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var list = ports.ToList();
        while (!list.All(IsFree))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
