using CancelWorkflows.Workflows.Outbound;

namespace CancelWorkflows.Workflows.Tests.Outbound;

/// <summary>What the policy knows before connecting: scheme, user information, literal addresses in any notation the URL
/// parser accepts, names that always lead inward, and a caller's list of callback hosts.</summary>
public sealed class OutboundUrlTests
{
    private static readonly OutboundAllowance DevMode = new(Loopback: true, PrivateNetwork: false);
    private static readonly OutboundAllowance Listed = new(Loopback: false, PrivateNetwork: true);

    [Theory]
    [InlineData("https://booking.example/cancel-events")]
    [InlineData("http://booking.example:8080/cb")]
    [InlineData("https://93.184.216.34/cb")]
    [InlineData("https://[2606:4700:4700::1111]/cb")]
    public void Check_PublicUrl_Allowed(string url) => Assert.Null(OutboundUrl.Check(url, OutboundAllowance.PublicOnly));

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", OutboundRefusal.AddressReason)]
    [InlineData("http://[::ffff:169.254.169.254]/", OutboundRefusal.AddressReason)]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/", OutboundRefusal.AddressReason)]
    [InlineData("http://127.0.0.1:7233/", OutboundRefusal.AddressReason)]
    [InlineData("http://[::1]/", OutboundRefusal.AddressReason)]
    [InlineData("http://0.0.0.0:8080/", OutboundRefusal.AddressReason)]
    [InlineData("http://10.0.0.5/cb", OutboundRefusal.AddressReason)]
    [InlineData("http://192.168.1.10/cb", OutboundRefusal.AddressReason)]
    [InlineData("http://100.64.1.1/cb", OutboundRefusal.AddressReason)]
    [InlineData("http://[fd00::5]/cb", OutboundRefusal.AddressReason)]
    [InlineData("http://255.255.255.255/", OutboundRefusal.AddressReason)]
    [InlineData("http://224.0.0.1/", OutboundRefusal.AddressReason)]
    [InlineData("http://2130706433/", OutboundRefusal.AddressReason)] // 127.0.0.1 as one decimal number
    [InlineData("http://0x7f000001/", OutboundRefusal.AddressReason)] // ... in hex
    [InlineData("http://0x7f.1/", OutboundRefusal.AddressReason)] // ... in parts
    [InlineData("http://localhost:5080/v1/cancellations", OutboundRefusal.NameReason)]
    [InlineData("http://LOCALHOST./", OutboundRefusal.NameReason)]
    [InlineData("http://api.localhost/", OutboundRefusal.NameReason)]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", OutboundRefusal.NameReason)]
    [InlineData("http://metadata/", OutboundRefusal.NameReason)]
    [InlineData("http://instance-data/latest/", OutboundRefusal.NameReason)]
    [InlineData("https://user:secret@booking.example/cb", OutboundRefusal.UserInfoReason)]
    [InlineData("https://booking.example@169.254.169.254/", OutboundRefusal.UserInfoReason)]
    [InlineData("ftp://booking.example/cb", OutboundRefusal.SchemeReason)]
    [InlineData("file:///etc/passwd", OutboundRefusal.SchemeReason)]
    [InlineData("/relative/cb", OutboundRefusal.SchemeReason)]
    public void Check_InwardOrMalformed_RefusedWithItsReason(string url, string reason)
    {
        var refusal = OutboundUrl.Check(url, OutboundAllowance.PublicOnly);

        Assert.Equal(reason, refusal?.Reason);
        Assert.DoesNotContain("169.254", refusal!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5090/cb", true)]
    [InlineData("http://localhost:5080/demo/holds", true)]
    [InlineData("http://[::1]:8080/cb", true)]
    [InlineData("http://10.0.0.5/cb", false)]
    [InlineData("http://169.254.169.254/", false)]
    [InlineData("http://metadata.google.internal/", false)]
    public void Check_DevMode_LoopbackOnly(string url, bool allowed) =>
        Assert.Equal(allowed, OutboundUrl.Check(url, DevMode) is null);

    [Theory]
    [InlineData("https://booking.internal/cancel-events", null)]
    [InlineData("https://BOOKING.internal./cancel-events", null)]
    [InlineData("http://booking.internal:8080/cb", null)]
    [InlineData("http://10.1.2.3:9000/cb", null)]
    [InlineData("https://booking.internal:8443/cb", OutboundRefusal.HostNotListedReason)]
    [InlineData("http://booking.internal/cb", null)] // "booking.internal": either scheme's default port
    [InlineData("http://booking.internal:8443/cb", OutboundRefusal.HostNotListedReason)]
    [InlineData("https://other.example/cb", OutboundRefusal.HostNotListedReason)]
    [InlineData("http://10.1.2.3/cb", OutboundRefusal.HostNotListedReason)]
    [InlineData("http://169.254.169.254/", OutboundRefusal.HostNotListedReason)]
    public void Check_CallerWithCallbackHosts_OnlyThoseHostsAndPorts(string url, string? reason)
    {
        string[] hosts = ["booking.internal", "booking.internal:8080", "10.1.2.3:9000"];

        Assert.Equal(reason, OutboundUrl.Check(url, Listed, hosts)?.Reason);
    }

    [Fact]
    public void Check_ListedHostWithARefusedLiteral_StillRefused()
    {
        Assert.Equal(OutboundRefusal.AddressReason, OutboundUrl.Check("http://169.254.169.254/", Listed, ["169.254.169.254"])?.Reason);
        Assert.Equal(OutboundRefusal.AddressReason, OutboundUrl.Check("http://127.0.0.1/", Listed, ["127.0.0.1"])?.Reason);
    }

    [Theory]
    [InlineData("booking.internal", "booking.internal", null)]
    [InlineData("Booking.Internal:8443", "booking.internal", 8443)]
    [InlineData("10.1.2.3:9000", "10.1.2.3", 9000)]
    [InlineData("[fd00::1]:8443", "[fd00::1]", 8443)]
    [InlineData("https://booking.internal", null, null)]
    [InlineData("booking.internal/cb", null, null)]
    [InlineData("user@booking.internal", null, null)]
    [InlineData("", null, null)]
    public void ParseHostEntry_HostOrHostAndPort(string entry, string? host, int? port)
    {
        var parsed = OutboundUrl.ParseHostEntry(entry);

        Assert.Equal(host, parsed?.Host);
        Assert.Equal(port, parsed?.Port);
    }
}
