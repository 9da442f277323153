using System.Net;
using System.Net.Sockets;

namespace CancelWorkflows.Workflows.Outbound;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of every outbound client: it resolves the host itself, checks
/// EVERY address the name resolves to (one refused address refuses the call: a name that mixes public and internal
/// answers is an attack, not a deployment), and connects only to the addresses it checked. So a name that resolves inward,
/// DNS rebinding between a check and the connection, and literal addresses in any notation are all caught where the
/// connection is made.
/// </summary>
/// <param name="resolve">The resolver (tests give names of their own; production asks the system's).</param>
public sealed class OutboundConnector(OutboundAllowance allowance, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> resolve = resolve ?? Dns.GetHostAddressesAsync;

    public OutboundAllowance Allowance { get; } = allowance ?? throw new ArgumentNullException(nameof(allowance));

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = await CheckedAddressesAsync(host, cancellationToken);
        Exception? last = null;
        foreach (var address in addresses)
        {
            Socket? socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                var stream = new NetworkStream(socket, ownsSocket: true);
                socket = null;
                return stream;
            }
            catch (SocketException e)
            {
                last = e;
            }
            finally
            {
                socket?.Dispose();
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>The addresses of <paramref name="host"/> when every one of them is allowed; else throws
    /// <see cref="OutboundAddressRefusedException"/>.</summary>
    public async Task<IPAddress[]> CheckedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (OutboundHostNames.IsMetadataName(host) || (OutboundHostNames.IsLoopbackName(host) && !Allowance.Loopback))
        {
            throw new OutboundAddressRefusedException(host, null, null);
        }

        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolve(host, cancellationToken);
        foreach (var address in addresses)
        {
            var addressClass = OutboundAddresses.Classify(address);
            if (!Allowance.Permits(addressClass))
            {
                throw new OutboundAddressRefusedException(host, address, addressClass);
            }
        }

        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }
}
