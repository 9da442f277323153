using System.Net;
using System.Net.Http.Json;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Security;

/// <summary>
/// What each role opens: promotions take the <c>promotions</c> or <c>operator</c> role (403 problem otherwise, nothing
/// touched); <c>/health</c> details only to an operator, the status alone to everyone else (probes carry no key);
/// <c>/alive</c> says alive and nothing more.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RolesApiTests(ApiDevMode api)
{
    [Fact]
    public async Task Promotions_PlainCaller_403ProblemAndNoScheduleMade()
    {
        var promoId = "sec-" + Guid.NewGuid().ToString("N")[..12];

        using var create = await api.Booking.PostAsJsonAsync("v1/promotions", new { promoId, endsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O") });
        using var list = await api.Booking.GetAsync("v1/promotions");
        using var trigger = await api.Ticketing.PostAsync($"v1/promotions/{promoId}/trigger", null);

        foreach (var response in new[] { create, list, trigger })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadObjectAsync();
            Assert.Equal("urn:cancelworkflows:problem:forbidden", (string?)problem["type"]);
            Assert.Contains("promotions or operator", (string?)problem["detail"], StringComparison.Ordinal);
        }

        using var asOperator = await api.Support.GetAsync($"v1/promotions/{promoId}");
        Assert.Equal(HttpStatusCode.NotFound, asOperator.StatusCode);
    }

    [Fact]
    public async Task Promotions_PromotionsRoleAndOperator_Allowed()
    {
        var promoId = "sec-" + Guid.NewGuid().ToString("N")[..12];

        using var created = await api.Promoter.PostAsJsonAsync("v1/promotions", new { promoId, endsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O") });
        using var read = await api.Support.GetAsync($"v1/promotions/{promoId}");
        using var deleted = await api.Promoter.DeleteAsync($"v1/promotions/{promoId}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(deleted.IsSuccessStatusCode, $"{(int)deleted.StatusCode}");
    }

    [Fact]
    public async Task PromotionsRole_IsAPlainCallerForCancellations()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);
        using (var started = await api.Booking.StartAsync(new { paymentRequestId = id }))
        {
            started.EnsureSuccessStatusCode();
        }

        using var read = await api.Promoter.GetAsync($"v1/cancellations/{id}");
        using var resolve = await api.Promoter.ResolveAsync(id, new { outcome = "Cancelled" });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resolve.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-known-key")]
    [InlineData(ApiDevMode.BookingKey)]
    public async Task Health_AnyoneButAnOperator_StatusOnly(string? key)
    {
        using var http = api.NewHttp(key);

        using var response = await http.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"status":"Healthy"}""", text);
    }

    [Fact]
    public async Task Health_Operator_EveryCheckWithItsDescription()
    {
        using var response = await api.Support.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadObjectAsync();
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["temporal"]!["status"]);
        Assert.Contains("127.0.0.1", (string?)report["checks"]!["temporal"]!["description"], StringComparison.Ordinal);
        Assert.Equal("Healthy", (string?)report["checks"]!["worker"]!["status"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ApiDevMode.SupportKey)]
    public async Task Alive_Anyone_NothingButLiveness(string? key)
    {
        using var http = api.NewHttp(key);

        using var response = await http.GetAsync("alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }
}
