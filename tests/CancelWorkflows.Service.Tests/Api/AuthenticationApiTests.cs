using System.Net;
using System.Net.Http.Headers;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>Every <c>/v1/cancellations*</c> route needs a known API key: 401 RFC 7807 otherwise, and nothing happens.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthenticationApiTests(ApiDevMode api)
{
    public static TheoryData<string?, string?> BadCredentials => new()
    {
        { null, null },
        { "Bearer", "not-a-known-key" },
        { "Bearer", ApiDevMode.BookingKey + "x" },
        { "Basic", ApiDevMode.BookingKey },
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task EveryRoute_WithoutAKnownKey_401Problem(string? scheme, string? key)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        using var http = api.NewHttp(null);
        if (scheme is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, key);
        }

        using var start = await http.StartAsync(new { paymentRequestId = id });
        using var list = await http.GetAsync("v1/cancellations");
        using var status = await http.GetAsync($"v1/cancellations/{id}");
        using var resolve = await http.ResolveAsync(id, new { outcome = "Cancelled" });

        foreach (var response in new[] { start, list, status, resolve })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, (int?)(await response.ReadObjectAsync())["status"]);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }

        Assert.Null(await api.Support.StatusAsync(id));
    }

    [Fact]
    public async Task Start_EachCaller_RecordedAsRequestedBy()
    {
        var viaBooking = CancellationApiCalls.NewPaymentRequestId();
        var viaTicketing = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(viaBooking);
        await api.Dev.PaidCardAsync(viaTicketing);

        using var a = await api.Booking.StartAsync(new { paymentRequestId = viaBooking });
        using var b = await api.Ticketing.StartAsync(new { paymentRequestId = viaTicketing });

        Assert.Equal("booking", (string?)(await api.Booking.StatusAsync(viaBooking))!["requestedBy"]);
        Assert.Equal("ticketing", (string?)(await api.Ticketing.StatusAsync(viaTicketing))!["requestedBy"]);
    }
}
