using System.Net;
using System.Net.Sockets;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>Loopback ports for tests, so they never collide with a developer's own dev mode on 5080/5090/7233/8233.</summary>
public static class FreePorts
{
    /// <summary>Distinct ports that were free a moment ago (held together while choosing, so they differ).</summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
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
