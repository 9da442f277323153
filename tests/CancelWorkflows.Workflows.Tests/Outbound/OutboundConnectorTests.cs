using System.Net;
using CancelWorkflows.Workflows.Outbound;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CancelWorkflows.Workflows.Tests.Outbound;

/// <summary>
/// The policy where the connection is made, over real HTTP to a loopback server: names are resolved by a resolver of the
/// test's own (a public-looking name that answers with an inward address, as an attacker's DNS would), and what reaches
/// the server is counted, so "refused" means nothing was sent.
/// </summary>
public sealed class OutboundConnectorTests
{
    private int hits;

    [Fact]
    public async Task Send_NameResolvingToLoopback_RefusedAndNothingSent()
    {
        await using var server = await StartServerAsync();
        using var http = Client(OutboundAllowance.PublicOnly, ("booking.example", IPAddress.Loopback));
        var url = $"http://booking.example:{server.Port}/cb";
        Assert.Null(OutboundUrl.Check(url, OutboundAllowance.PublicOnly)); // nothing to see before the lookup

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(url, new StringContent("{}")));

        var refused = OutboundAddressRefusedException.Find(e);
        Assert.NotNull(refused);
        Assert.Equal(OutboundAddressClass.Loopback, refused.AddressClass);
        Assert.Equal(OutboundRefusal.Address, refused.Refusal);
        Assert.Equal(0, hits);
    }

    [Fact]
    public async Task Send_NameResolvingToLoopback_DevModeAllowsIt()
    {
        await using var server = await StartServerAsync();
        using var http = Client(new OutboundAllowance(Loopback: true, PrivateNetwork: false), ("booking.example", IPAddress.Loopback));

        using var response = await http.PostAsync($"http://booking.example:{server.Port}/cb", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, hits);
    }

    [Theory]
    [InlineData("169.254.169.254", OutboundAddressClass.LinkLocal)]
    [InlineData("::ffff:169.254.169.254", OutboundAddressClass.LinkLocal)]
    [InlineData("10.20.30.40", OutboundAddressClass.PrivateNetwork)]
    [InlineData("fd00:ec2::254", OutboundAddressClass.CloudMetadata)]
    [InlineData("0.0.0.0", OutboundAddressClass.Unspecified)]
    public async Task Send_NameResolvingInward_Refused(string address, OutboundAddressClass expected)
    {
        using var http = Client(OutboundAllowance.PublicOnly, ("booking.example", IPAddress.Parse(address)));

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("http://booking.example/"));

        Assert.Equal(expected, OutboundAddressRefusedException.Find(e)?.AddressClass);
    }

    [Fact]
    public async Task Send_NameWithOnePublicAndOneInwardAddress_RefusedWhole()
    {
        await using var server = await StartServerAsync();
        using var http = Client(
            new OutboundAllowance(Loopback: false, PrivateNetwork: true),
            ("booking.example", IPAddress.Parse("10.0.0.7")),
            ("booking.example", IPAddress.Parse("169.254.169.254")));

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://booking.example:{server.Port}/"));

        Assert.Equal(OutboundAddressClass.LinkLocal, OutboundAddressRefusedException.Find(e)?.AddressClass);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/cb")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/cb")]
    [InlineData("http://2130706433:{0}/cb")]
    [InlineData("http://localhost:{0}/cb")]
    public async Task Send_LiteralOrNamedLoopback_RefusedWithoutTheCallersCheck(string template)
    {
        await using var server = await StartServerAsync();
        using var http = new HttpClient(OutboundHttp.CreateHandler(new OutboundConnector(OutboundAllowance.PublicOnly), TimeSpan.FromSeconds(5)));

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, server.Port)));

        Assert.NotNull(OutboundAddressRefusedException.Find(e));
        Assert.Equal(0, hits);
    }

    [Fact]
    public async Task Send_RedirectInward_NotFollowed()
    {
        await using var server = await StartServerAsync();
        using var http = Client(new OutboundAllowance(Loopback: true, PrivateNetwork: false), ("booking.example", IPAddress.Loopback));

        using var response = await http.PostAsync($"http://booking.example:{server.Port}/redirect", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(1, hits); // /redirect only; its target was never asked
    }

    [Fact]
    public async Task ReadCapped_HugeAnswer_ReadsOnlyTheCap()
    {
        await using var server = await StartServerAsync();
        using var http = Client(new OutboundAllowance(Loopback: true, PrivateNetwork: false), ("booking.example", IPAddress.Loopback));

        using var response = await http.GetAsync($"http://booking.example:{server.Port}/huge", HttpCompletionOption.ResponseHeadersRead);
        var (bytes, truncated) = await OutboundHttp.ReadCappedAsync(response.Content, 4096, CancellationToken.None);

        Assert.Equal(4096, bytes.Length);
        Assert.True(truncated);
    }

    [Fact]
    public async Task CheckedAddresses_MetadataName_RefusedBeforeAnyLookup()
    {
        var lookups = 0;
        var connector = new OutboundConnector(new OutboundAllowance(Loopback: true, PrivateNetwork: true), (_, _) =>
        {
            lookups++;
            return Task.FromResult(new[] { IPAddress.Parse("93.184.216.34") });
        });

        var e = await Assert.ThrowsAsync<OutboundAddressRefusedException>(() => connector.CheckedAddressesAsync("metadata.google.internal", CancellationToken.None));

        Assert.Equal(OutboundRefusal.Name, e.Refusal);
        Assert.Equal(0, lookups);
    }

    private static HttpClient Client(OutboundAllowance allowance, params (string Name, IPAddress Address)[] dns)
    {
        var connector = new OutboundConnector(allowance, (host, _) =>
            Task.FromResult(dns.Where(d => d.Name == host).Select(d => d.Address).ToArray()));
        return new HttpClient(OutboundHttp.CreateHandler(connector, TimeSpan.FromSeconds(5)));
    }

    private async Task<(LoopbackApp App, int Port)> StartServerCoreAsync()
    {
        var app = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/cb", () =>
            {
                Interlocked.Increment(ref hits);
                return Results.Ok();
            });
            web.MapGet("/cb", () =>
            {
                Interlocked.Increment(ref hits);
                return Results.Ok();
            });
            web.MapGet("/", () =>
            {
                Interlocked.Increment(ref hits);
                return Results.Ok();
            });
            web.MapPost("/redirect", () =>
            {
                Interlocked.Increment(ref hits);
                return Results.Redirect("/cb");
            });
            web.MapGet("/huge", () => Results.Bytes(new byte[1024 * 1024], "application/octet-stream"));
        });
        return (app, new Uri(app.BaseUrl).Port);
    }

    private async Task<LoopbackServer> StartServerAsync()
    {
        var (app, port) = await StartServerCoreAsync();
        return new LoopbackServer(app, port);
    }

    private sealed record LoopbackServer(LoopbackApp App, int Port) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
