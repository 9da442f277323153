using System.Net;
using System.Net.Sockets;

namespace CancelWorkflows.Workflows.Outbound;

/// <summary>
/// Classifies the addresses an outbound call would connect to. IPv6 forms that carry an IPv4 address (IPv4-mapped
/// ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are classified by the IPv4 address they
/// reach, so ::ffff:127.0.0.1 is loopback and ::ffff:169.254.169.254 link-local.
/// </summary>
public static class OutboundAddresses
{
    private static readonly IPAddress[] CloudMetadata =
    [
        IPAddress.Parse("fd00:ec2::254"), // AWS instance metadata over IPv6
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud metadata
        IPAddress.Parse("168.63.129.16"), // Azure WireServer / platform DNS (a public address)
    ];

    public static OutboundAddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return Classify(address.MapToIPv4());
        }

        if (CloudMetadata.Contains(address))
        {
            return OutboundAddressClass.CloudMetadata;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => OutboundAddressClass.Reserved,
        };
    }

    private static OutboundAddressClass ClassifyV4(byte[] b) => (b[0], b[1]) switch
    {
        (0, _) => OutboundAddressClass.Unspecified,
        (127, _) => OutboundAddressClass.Loopback,
        (10, _) => OutboundAddressClass.PrivateNetwork,
        (172, >= 16 and <= 31) => OutboundAddressClass.PrivateNetwork,
        (192, 168) => OutboundAddressClass.PrivateNetwork,
        (100, >= 64 and <= 127) when b is [100, 100, 100, 200] => OutboundAddressClass.CloudMetadata,
        (100, >= 64 and <= 127) => OutboundAddressClass.PrivateNetwork,
        (169, 254) => OutboundAddressClass.LinkLocal,
        ( >= 224 and <= 239, _) => OutboundAddressClass.Multicast,
        ( >= 240, _) => OutboundAddressClass.Reserved,
        _ => OutboundAddressClass.Public,
    };

    private static OutboundAddressClass ClassifyV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any))
        {
            return OutboundAddressClass.Unspecified;
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return OutboundAddressClass.Loopback;
        }

        // ::a.b.c.d (IPv4-compatible, deprecated but still routed by some stacks) and NAT64 64:ff9b::a.b.c.d.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 || b.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
        {
            return ClassifyV4(b[12..16]);
        }

        // 6to4: 2002:AABB:CCDD::/48 reaches the IPv4 address AA.BB.CC.DD.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b[2..6]);
        }

        return b[0] switch
        {
            0xff => OutboundAddressClass.Multicast,
            0xfe when (b[1] & 0xc0) == 0x80 => OutboundAddressClass.LinkLocal,
            0xfe when (b[1] & 0xc0) == 0xc0 => OutboundAddressClass.PrivateNetwork, // fec0::/10, site-local (deprecated)
            0xfc or 0xfd => OutboundAddressClass.PrivateNetwork,
            _ => OutboundAddressClass.Public,
        };
    }

    private static ReadOnlySpan<byte> Nat64Prefix => [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
}
