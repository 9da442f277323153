using System.Net;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary><c>GET /v1/cancellations/{paymentRequestId}</c>: the Status query with docs/design.md's top-level fields.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatusApiTests(ApiDevMode api)
{
    [Fact]
    public async Task Get_Started_StatusWithTheFixedTopLevelFields()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);
        using var started = await api.Booking.StartAsync(new { paymentRequestId = id }, query: "?wait=30");
        var runId = (string?)(await started.ReadObjectAsync())["runId"];

        using var response = await api.Booking.GetAsync($"v1/cancellations/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = await response.ReadObjectAsync();
        Assert.Equal($"cancel-{id}", (string?)status["workflowId"]);
        Assert.Equal(runId, (string?)status["runId"]);
        Assert.Equal(id, (string?)status["paymentRequestId"]);
        Assert.Equal("Cancelled", status.Outcome());
        Assert.Equal("SUCCESS", (string?)status["resultCode"]);
        Assert.NotNull(status["rule"]);
        var attempt = Assert.Single(status["attempts"]!.AsArray())!;
        Assert.NotNull(attempt["time"]);
        Assert.Equal("S", (string?)attempt["resultStatus"]);
        Assert.Equal("SUCCESS", (string?)attempt["resultCode"]);
        Assert.NotEmpty(status["steps"]!.AsArray());
        Assert.False((bool)status["lateSuccess"]!);
        Assert.NotNull((string?)status["temporalWebUrl"]);
    }

    [Fact]
    public async Task Get_ByPaymentId_FindsACancellationStartedWithItOnly()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await api.Dev.PaidCardAsync(id);
        using var started = await api.Booking.StartAsync(new { paymentId = payment.PaymentId });
        var statusUrl = (string)(await started.ReadObjectAsync())["statusUrl"]!;

        using var response = await api.Booking.GetAsync(statusUrl.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"cancel-pid-{payment.PaymentId}", (string?)(await response.ReadObjectAsync())["workflowId"]);
    }

    [Fact]
    public async Task Get_Unknown_404Problem()
    {
        using var response = await api.Booking.GetAsync("v1/cancellations/never-heard-of-it");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:cancelworkflows:problem:cancellation-not-found", (string?)(await response.ReadObjectAsync())["type"]);
    }
}
