namespace CancelWorkflows.Workflows.Outbound;

/// <summary>
/// Which addresses one kind of outbound call may connect to besides public ones. Link-local (cloud metadata), unspecified,
/// multicast, reserved and the cloud metadata addresses are never allowed.
/// </summary>
/// <param name="Loopback">This machine: dev mode only (<c>Outbound:AllowLoopback</c>).</param>
/// <param name="PrivateNetwork">RFC 1918, fc00::/7, 100.64/10: for targets an operator configured or listed
/// (<c>Support:AllowPrivateNetwork</c>, <c>Promotions:HoldsSourceAllowPrivateNetwork</c>, a caller's <c>CallbackHosts</c>).</param>
public sealed record OutboundAllowance(bool Loopback, bool PrivateNetwork)
{
    /// <summary>Public addresses only.</summary>
    public static OutboundAllowance PublicOnly { get; } = new(false, false);

    public bool Permits(OutboundAddressClass address) => address switch
    {
        OutboundAddressClass.Public => true,
        OutboundAddressClass.Loopback => Loopback,
        OutboundAddressClass.PrivateNetwork => PrivateNetwork,
        _ => false,
    };
}
