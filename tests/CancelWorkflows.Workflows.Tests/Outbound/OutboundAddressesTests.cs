using System.Net;
using CancelWorkflows.Workflows.Outbound;

namespace CancelWorkflows.Workflows.Tests.Outbound;

/// <summary>The outbound policy's address table: every range the policy names, in every notation that reaches it.</summary>
public sealed class OutboundAddressesTests
{
    public static TheoryData<string, OutboundAddressClass> Addresses() => new()
    {
        // public
        { "93.184.216.34", OutboundAddressClass.Public },
        { "8.8.8.8", OutboundAddressClass.Public },
        { "172.15.255.255", OutboundAddressClass.Public },
        { "172.32.0.1", OutboundAddressClass.Public },
        { "100.63.255.255", OutboundAddressClass.Public },
        { "100.128.0.1", OutboundAddressClass.Public },
        { "169.253.1.1", OutboundAddressClass.Public },
        { "2606:4700:4700::1111", OutboundAddressClass.Public },
        { "::ffff:8.8.8.8", OutboundAddressClass.Public },

        // loopback
        { "127.0.0.1", OutboundAddressClass.Loopback },
        { "127.255.255.254", OutboundAddressClass.Loopback },
        { "::1", OutboundAddressClass.Loopback },
        { "::ffff:127.0.0.1", OutboundAddressClass.Loopback },
        { "::127.0.0.1", OutboundAddressClass.Loopback },
        { "64:ff9b::127.0.0.1", OutboundAddressClass.Loopback },
        { "2002:7f00:1::", OutboundAddressClass.Loopback },

        // private network: RFC 1918, unique local, site-local, shared address space (CGNAT)
        { "10.0.0.1", OutboundAddressClass.PrivateNetwork },
        { "10.255.255.255", OutboundAddressClass.PrivateNetwork },
        { "172.16.0.1", OutboundAddressClass.PrivateNetwork },
        { "172.31.255.255", OutboundAddressClass.PrivateNetwork },
        { "192.168.1.1", OutboundAddressClass.PrivateNetwork },
        { "100.64.0.1", OutboundAddressClass.PrivateNetwork },
        { "100.127.255.254", OutboundAddressClass.PrivateNetwork },
        { "fc00::1", OutboundAddressClass.PrivateNetwork },
        { "fd12:3456:789a::1", OutboundAddressClass.PrivateNetwork },
        { "fec0::1", OutboundAddressClass.PrivateNetwork },
        { "::ffff:10.1.2.3", OutboundAddressClass.PrivateNetwork },
        { "::ffff:192.168.0.10", OutboundAddressClass.PrivateNetwork },

        // link-local: cloud metadata at 169.254.169.254
        { "169.254.169.254", OutboundAddressClass.LinkLocal },
        { "169.254.0.1", OutboundAddressClass.LinkLocal },
        { "fe80::1", OutboundAddressClass.LinkLocal },
        { "febf::1", OutboundAddressClass.LinkLocal },
        { "::ffff:169.254.169.254", OutboundAddressClass.LinkLocal },
        { "64:ff9b::a9fe:a9fe", OutboundAddressClass.LinkLocal },

        // unspecified
        { "0.0.0.0", OutboundAddressClass.Unspecified },
        { "0.1.2.3", OutboundAddressClass.Unspecified },
        { "::", OutboundAddressClass.Unspecified },
        { "::ffff:0.0.0.0", OutboundAddressClass.Unspecified },

        // multicast, broadcast and reserved
        { "224.0.0.1", OutboundAddressClass.Multicast },
        { "239.255.255.250", OutboundAddressClass.Multicast },
        { "ff02::1", OutboundAddressClass.Multicast },
        { "::ffff:224.0.0.251", OutboundAddressClass.Multicast },
        { "255.255.255.255", OutboundAddressClass.Reserved },
        { "240.0.0.1", OutboundAddressClass.Reserved },
        { "::ffff:255.255.255.255", OutboundAddressClass.Reserved },

        // cloud metadata outside link-local
        { "fd00:ec2::254", OutboundAddressClass.CloudMetadata },
        { "100.100.100.200", OutboundAddressClass.CloudMetadata },
        { "::ffff:100.100.100.200", OutboundAddressClass.CloudMetadata },
        { "168.63.129.16", OutboundAddressClass.CloudMetadata },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Classify_EachRangeAndNotation(string address, OutboundAddressClass expected) =>
        Assert.Equal(expected, OutboundAddresses.Classify(IPAddress.Parse(address)));

    public static TheoryData<OutboundAddressClass, bool, bool, bool> Allowances() => new()
    {
        // class, public only, + private network, + loopback (dev mode, private refused)
        { OutboundAddressClass.Public, true, true, true },
        { OutboundAddressClass.PrivateNetwork, false, true, false },
        { OutboundAddressClass.Loopback, false, false, true },
        { OutboundAddressClass.LinkLocal, false, false, false },
        { OutboundAddressClass.Unspecified, false, false, false },
        { OutboundAddressClass.Multicast, false, false, false },
        { OutboundAddressClass.Reserved, false, false, false },
        { OutboundAddressClass.CloudMetadata, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Allowances))]
    public void Permits_LinkLocalAndMetadataNeverWhateverIsAllowed(OutboundAddressClass address, bool publicOnly, bool withPrivate, bool devMode)
    {
        Assert.Equal(publicOnly, OutboundAllowance.PublicOnly.Permits(address));
        Assert.Equal(withPrivate, new OutboundAllowance(Loopback: false, PrivateNetwork: true).Permits(address));
        Assert.Equal(devMode, new OutboundAllowance(Loopback: true, PrivateNetwork: false).Permits(address));
    }
}
