namespace CancelWorkflows.Workflows.Outbound;

/// <summary>What an IP address is, as far as an outbound call on someone else's behalf is concerned.</summary>
public enum OutboundAddressClass
{
    /// <summary>Anything else: reachable on the internet.</summary>
    Public,

    /// <summary>127.0.0.0/8, ::1: this machine's own services (the API, the Temporal frontend in dev mode, sidecars).</summary>
    Loopback,

    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16), unique-local fc00::/7, site-local fec0::/10, shared address space
    /// 100.64/10 (CGNAT, also used inside clusters): the private network.</summary>
    PrivateNetwork,

    /// <summary>169.254/16, fe80::/10: link-local, where cloud metadata services answer.</summary>
    LinkLocal,

    /// <summary>0.0.0.0/8, ::: "this host" (connecting to it reaches loopback on Linux).</summary>
    Unspecified,

    /// <summary>224/4, ff00::/8.</summary>
    Multicast,

    /// <summary>240/4 including the broadcast address 255.255.255.255: reserved, never a server.</summary>
    Reserved,

    /// <summary>A cloud provider's metadata or platform address outside link-local (AWS fd00:ec2::254, Alibaba
    /// 100.100.100.200, Azure 168.63.129.16): refused whatever else is allowed.</summary>
    CloudMetadata,
}
