using System.Net;

namespace CancelWorkflows.Workflows.Outbound;

/// <summary>
/// Thrown where a connection would be made when the host leads to an address the call may not reach (a name that
/// resolves inward, DNS rebinding, a literal address). <see cref="HttpClient"/> wraps it in an
/// <see cref="HttpRequestException"/>; <see cref="Find"/> digs it out. Its message names the address: for logs, never for
/// callers (they get <see cref="OutboundRefusal.Message"/>).
/// </summary>
public sealed class OutboundAddressRefusedException : Exception
{
    public OutboundAddressRefusedException()
    {
    }

    public OutboundAddressRefusedException(string message)
        : base(message)
    {
    }

    public OutboundAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutboundAddressRefusedException(string host, IPAddress? address, OutboundAddressClass? addressClass)
        : base(address is null
            ? $"Outbound call to {host} refused: the name is not allowed"
            : $"Outbound call to {host} refused: it resolves to {address} ({addressClass})")
    {
        Host = host;
        Address = address;
        AddressClass = addressClass;
    }

    public string? Host { get; }

    public IPAddress? Address { get; }

    public OutboundAddressClass? AddressClass { get; }

    /// <summary>The refusal as callers may see it.</summary>
    public OutboundRefusal Refusal => Address is null ? OutboundRefusal.Name : OutboundRefusal.Address;

    /// <summary>This exception anywhere in <paramref name="exception"/>'s chain of inner exceptions, or null.</summary>
    public static OutboundAddressRefusedException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
