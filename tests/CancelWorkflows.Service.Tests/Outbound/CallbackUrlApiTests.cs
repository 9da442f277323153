using System.Net;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Outbound;

/// <summary>
/// A <c>callbackUrl</c> the outbound policy refuses, when the API can know it at start: 400 naming the field, a message with
/// no address in it, nothing started. Dev mode allows loopback (the callback receiver), nothing else inward; a caller with
/// <c>CallbackHosts</c> may name only those hosts.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CallbackUrlApiTests(ApiDevMode api)
{
    public static TheoryData<string> InwardUrls => new()
    {
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[::ffff:169.254.169.254]/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://100.100.100.200/latest/meta-data/",
        "http://10.0.0.12:7233/",
        "http://192.168.1.1/admin",
        "http://[fd12::1]/cb",
        "http://0.0.0.0:5080/v1/cancellations",
        "https://booking.example@10.0.0.12/cb",
        "https://user:password@booking.example/cb",
    };

    [Theory]
    [MemberData(nameof(InwardUrls))]
    public async Task Start_CallbackUrlLeadingInward_400NamingCallbackUrlNothingStarted(string callbackUrl)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id, callbackUrl });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadObjectAsync()).FieldErrors()["callbackUrl"]);
        Assert.StartsWith("Not called: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("169.254", error, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.12", error, StringComparison.Ordinal);
        Assert.Null(await api.Booking.StatusAsync(id));
    }

    [Fact]
    public async Task Start_CallbackHostsCaller_OtherHost400ListedHostsStarted()
    {
        using var listed = api.NewHttp(ApiDevMode.ListedKey);
        var refusedId = CancellationApiCalls.NewPaymentRequestId();
        var acceptedId = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(acceptedId);
        var url = api.Callbacks.NewUrl();

        using var refused = await listed.StartAsync(new { paymentRequestId = refusedId, callbackUrl = "https://booking.example/cancel-events" });
        using var wrongPort = await listed.StartAsync(new { paymentRequestId = refusedId, callbackUrl = "https://booking.internal/cancel-events" });
        using var accepted = await listed.StartAsync(new { paymentRequestId = acceptedId, callbackUrl = url });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("callback hosts configured for this caller", (await refused.ReadObjectAsync()).FieldErrors()["callbackUrl"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPort.StatusCode);
        Assert.Null(await listed.StatusAsync(refusedId));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await Eventually.ReturnsAsync(() => Task.FromResult(api.Callbacks.To(url)), d => d.Count > 0, TimeSpan.FromSeconds(60), "the listed caller's callback");
    }

    [Fact]
    public async Task Start_CallbackHostsCaller_InternalListedHostAccepted()
    {
        using var listed = api.NewHttp(ApiDevMode.ListedKey);
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);

        using var accepted = await listed.StartAsync(new { paymentRequestId = id, callbackUrl = $"https://{ApiDevMode.ListedInternalHost}/cancel-events" });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Start_DevModeLoopbackCallback_Accepted()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);

        using var accepted = await api.Ticketing.StartAsync(new { paymentRequestId = id, callbackUrl = $"http://localhost:{new Uri(api.Callbacks.BaseUrl).Port}/callbacks/x" });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }
}
