using System.Net;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary><c>POST /v1/cancellations/{id}/escalation/resolve</c> by an operator: signals ResolveEscalation, recorded as resolved
/// by the operator's caller name; refuses what is not escalated. (A plain caller's 403: <c>Security/CrossCallerApiTests</c>.)</summary>
[Collection(ApiCollection.Name)]
public sealed class ResolveEscalationApiTests(ApiDevMode api)
{
    [Fact]
    public async Task Resolve_Escalated_202ThenResolvedByTheCallerAndASecondIs409()
    {
        var id = await api.EscalatedCancellationAsync();

        using var response = await api.Support.ResolveAsync(id, new { outcome = "Cancelled", note = "cancelled with Antom support" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadObjectAsync();
        Assert.Equal($"cancel-{id}", (string?)accepted["workflowId"]);
        Assert.Equal("support", (string?)accepted["resolvedBy"]);
        Assert.Equal($"/v1/cancellations/{id}", (string?)accepted["statusUrl"]);
        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() == "Resolved");
        Assert.Equal("Cancelled", (string?)status["resolution"]!["outcome"]);
        Assert.Equal("support", (string?)status["resolution"]!["resolvedBy"]);
        Assert.Equal("cancelled with Antom support", (string?)status["resolution"]!["note"]);
        Assert.True((bool)status["escalated"]!);

        using var again = await api.Support.ResolveAsync(id, new { outcome = "Refunded" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("urn:cancelworkflows:problem:not-escalated", (string?)(await again.ReadObjectAsync())["type"]);
    }

    [Fact]
    public async Task Resolve_ResolvedByGiven_400ThenRecordedAsTheOperatorsCaller()
    {
        var id = await api.EscalatedCancellationAsync();

        using var refused = await api.Support.ResolveAsync(id, new { outcome = "Refunded", resolvedBy = "support:alice", note = (string?)null });
        using var response = await api.Support.ResolveAsync(id, new { outcome = "Refunded", note = "alice refunded it" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("resolvedBy", (await refused.ReadObjectAsync()).FieldErrors().Keys);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() == "Resolved");
        Assert.Equal("support", (string?)status["resolution"]!["resolvedBy"]);
        Assert.Equal("Refunded", (string?)status["resolution"]!["outcome"]);
        Assert.Equal("alice refunded it", (string?)status["resolution"]!["note"]);
    }

    [Fact]
    public async Task Resolve_NotEscalated_409AndNothingSignalled()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);
        using var started = await api.Booking.StartAsync(new { paymentRequestId = id }, query: "?wait=30");

        using var response = await api.Support.ResolveAsync(id, new { outcome = "Cancelled" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var status = await api.Booking.StatusAsync(id);
        Assert.Null(status!["resolution"]);
        Assert.DoesNotContain(status["steps"]!.AsArray(), s => ((string?)s!["name"])!.StartsWith("resolution", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolve_Unknown_404Problem()
    {
        using var response = await api.Support.ResolveAsync("never-heard-of-it", new { outcome = "Cancelled" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"note":"no outcome"}""", "outcome")]
    [InlineData("""{"outcome":"Cancelled","by":"x"}""", "by")]
    [InlineData("""{"outcome":"Cancelled","resolvedBy":7}""", "resolvedBy")]
    [InlineData("""{"outcome":"LONG65"}""", "outcome")]
    public async Task Resolve_InvalidBody_400NamingTheField(string body, string field)
    {
        using var response = await api.Support.PostJsonTextAsync(
            "v1/cancellations/pr-any/escalation/resolve", body.Replace("LONG65", new string('x', 65), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadObjectAsync()).FieldErrors().Keys);
    }
}
