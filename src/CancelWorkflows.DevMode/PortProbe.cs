using System.Net;
using System.Net.Sockets;

namespace CancelWorkflows.DevMode;

/// <summary>Checks that a TCP port can be listened on, by listening on it for a moment.</summary>
public static class PortProbe
{
    /// <summary>A port dev mode needs: its number, the address, what uses it, and the setting that moves it.</summary>
    public sealed record Claim(string Host, int Port, string What, string Setting, string Example);

    public static bool IsFree(string host, int port)
    {
        var address = Resolve(host);
        try
        {
            var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }

    /// <summary>One line per busy port, naming the port and the setting that moves it; empty when all are free.</summary>
    public static IReadOnlyList<string> Busy(IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return
        [
            .. claims
                .Where(c => !IsFree(c.Host, c.Port))
                .Select(c => $"Port {c.Port} ({c.What}) on {c.Host} is already in use. Stop what uses it, or move {c.What} with {c.Setting} (e.g. {c.Example})."),
        ];
    }

    private static IPAddress Resolve(string host) =>
        host is "localhost" or "" ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip
        : Dns.GetHostAddresses(host).First();
}
