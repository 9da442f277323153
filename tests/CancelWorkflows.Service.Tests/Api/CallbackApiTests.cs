using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>Callbacks to the booking service: signed with the caller's secret, retried until accepted, delivered once.</summary>
[Collection(ApiCollection.Name)]
public sealed class CallbackApiTests(ApiDevMode api)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Callback_Outcome_DeliveredSignedWithTheCallersSecret()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);
        var url = api.Callbacks.NewUrl();

        using var started = await api.Booking.StartAsync(new { paymentRequestId = id, callbackUrl = url, bookingRef = "BK-cb" });

        var delivery = (await Eventually.ReturnsAsync(() => Task.FromResult(api.Callbacks.To(url)), d => d.Count > 0, DeliveryTimeout, "the outcome callback"))[0];
        Assert.Equal($"cancel-{id}/outcome", delivery.IdempotencyKey);
        Assert.StartsWith("application/json", delivery.ContentType, StringComparison.Ordinal);
        AssertSignedWith(ApiDevMode.BookingCallbackSecret, delivery);
        var body = JsonNode.Parse(delivery.Body)!;
        Assert.Equal("outcome", (string?)body["event"]);
        Assert.Equal($"cancel-{id}", (string?)body["workflowId"]);
        Assert.Equal(id, (string?)body["paymentRequestId"]);
        Assert.Equal("BK-cb", (string?)body["bookingRef"]);
        Assert.Equal("Cancelled", (string?)body["outcome"]);
        Assert.Equal("booking", (string?)body["requestedBy"]);
        Assert.True(CallbackSignatureVerifier.IsValid(delivery.Signature, delivery.Body, ApiDevMode.BookingCallbackSecret));
        Assert.False(CallbackSignatureVerifier.IsValid(delivery.Signature, delivery.Body, "another-secret-of-some-length"));
    }

    [Fact]
    public async Task Callback_EndpointDownThenUp_AcceptedOnceSameKeyEachAttemptSigned()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);
        var url = api.Callbacks.NewUrl(failFirst: 1);

        using var started = await api.Booking.StartAsync(new { paymentRequestId = id, callbackUrl = url });

        var deliveries = await Eventually.ReturnsAsync(
            () => Task.FromResult(api.Callbacks.To(url)), d => d.Any(x => x.AnsweredStatus == 200), DeliveryTimeout, "an accepted callback");
        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.Equal("Cancelled", status.Outcome()); // the workflow decided without waiting for the callback
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a (wrong) second delivery
        deliveries = api.Callbacks.To(url);
        Assert.Equal(503, deliveries[0].AnsweredStatus);
        Assert.Single(deliveries, d => d.AnsweredStatus == 200);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal($"cancel-{id}/outcome", d.IdempotencyKey));
        Assert.All(deliveries, d => AssertSignedWith(ApiDevMode.BookingCallbackSecret, d));
        Assert.Equal(deliveries[0].Body, deliveries[1].Body);
    }

    [Fact]
    public async Task Callback_CallerWithoutSecret_DeliveredUnsigned()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);
        var url = api.Callbacks.NewUrl();

        using var started = await api.Ticketing.StartAsync(new { paymentRequestId = id, callbackUrl = url });

        var delivery = (await Eventually.ReturnsAsync(() => Task.FromResult(api.Callbacks.To(url)), d => d.Count > 0, DeliveryTimeout, "the outcome callback"))[0];
        Assert.Equal(string.Empty, delivery.Signature);
        Assert.Equal($"cancel-{id}/outcome", delivery.IdempotencyKey);
    }

    /// <summary>Checks <c>t=&lt;unix&gt;,v1=&lt;hex&gt;</c> independently of the product's code: HMAC-SHA256 of "t.body".</summary>
    private static void AssertSignedWith(string secret, CallbackDelivery delivery)
    {
        var parts = delivery.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var timestamp = long.Parse(parts["t"], CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(timestamp), delivery.ReceivedAt.AddMinutes(-1), delivery.ReceivedAt.AddSeconds(1));
        var signed = Encoding.UTF8.GetBytes(parts["t"] + ".").Concat(delivery.Body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        Assert.Equal(expected, parts["v1"]);
    }
}
