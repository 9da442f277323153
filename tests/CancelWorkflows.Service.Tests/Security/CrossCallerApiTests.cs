using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Security;

/// <summary>
/// A plain caller sees only the cancellations it started: another caller's is answered exactly as an unknown one (404),
/// listed never, started again never (409 that names nothing of the other), resolved never (403). An operator sees and
/// resolves all of them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CrossCallerApiTests(ApiDevMode api)
{
    [Fact]
    public async Task Get_AnotherCallersCancellation_404ExactlyAsAnUnknownOne()
    {
        var id = await StartedByBookingAsync();
        var unknown = CancellationApiCalls.NewPaymentRequestId();

        using var foreign = await api.Ticketing.GetAsync($"v1/cancellations/{id}");
        using var missing = await api.Ticketing.GetAsync($"v1/cancellations/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(missing.StatusCode, foreign.StatusCode);
        Assert.Equal(missing.Content.Headers.ContentType?.ToString(), foreign.Content.Headers.ContentType?.ToString());
        Assert.Equal(await ComparableAsync(missing, unknown), await ComparableAsync(foreign, id));
        Assert.Equal("booking", (string?)(await api.Booking.StatusAsync(id))!["requestedBy"]);
    }

    [Fact]
    public async Task Get_AnotherCallersCancellationByPaymentId_404()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await api.Dev.PaidCardAsync(id);
        using var started = await api.Booking.StartAsync(new { paymentId = payment.PaymentId });
        started.EnsureSuccessStatusCode();

        using var foreign = await api.Ticketing.GetAsync($"v1/cancellations/{payment.PaymentId}?by=paymentId");
        using var own = await api.Booking.GetAsync($"v1/cancellations/{payment.PaymentId}?by=paymentId");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Get_Operator_ReadsEveryCallersCancellation()
    {
        var id = await StartedByBookingAsync();

        var status = await api.Support.StatusAsync(id);

        Assert.Equal("booking", (string?)status?["requestedBy"]);
    }

    [Fact]
    public async Task List_PlainCaller_OnlyItsOwnOperatorAll()
    {
        var (merchant, mine, theirs) = await api.OneEachOfAMerchantAsync(api.Booking, api.Ticketing);

        var all = await api.Support.ListedIdsAsync(merchant);
        var booking = await api.Booking.ListedIdsAsync(merchant);
        var ticketing = await api.Ticketing.ListedIdsAsync(merchant);

        Assert.Equal(new[] { mine, theirs }.Order(), all.Order());
        Assert.Equal([mine], booking);
        Assert.Equal([theirs], ticketing);
    }

    [Fact]
    public async Task Start_SamePaymentFromAnotherCaller_409ThatRevealsNothingOfTheFirst()
    {
        var callbackUrl = api.Callbacks.NewUrl();
        var id = await StartedByBookingAsync(callbackUrl);
        var first = await api.Booking.StatusAsync(id);

        using var second = await api.Ticketing.StartAsync(new { paymentRequestId = id, reason = "me too" }, idempotencyKey: "k-" + id);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var text = await second.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("urn:cancelworkflows:problem:payment-cancelled-by-another-caller", (string?)problem["type"]);
        Assert.Equal(["detail", "status", "title", "traceId", "type"], problem.Select(p => p.Key).Order());
        Assert.Null(second.Headers.Location);
        foreach (var secret in new[] { $"cancel-{id}", (string)first!["runId"]!, "booking", callbackUrl, "\"Cancelled\"", "runId", "workflowId", "outcome" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var status = await api.Booking.StatusAsync(id);
        Assert.Equal("booking", (string?)status!["requestedBy"]);
        Assert.DoesNotContain(status["steps"]!.AsArray(), s => ((string?)s!["detail"] ?? string.Empty).Contains("me too", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WaitOnAnotherCallersRunningCancellation_409AtOnce()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAnsweringUAsync(id, 1);
        using (var first = await api.Booking.StartAsync(new { paymentRequestId = id }))
        {
            first.EnsureSuccessStatusCode();
        }

        var clock = Stopwatch.StartNew();
        using var waiting = await api.Ticketing.StartAsync(new { paymentRequestId = id }, query: "?wait=30");
        clock.Stop();

        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"answered after {clock.Elapsed}: it waited for the outcome");
    }

    [Fact]
    public async Task Start_SamePaymentFromAnOperator_TheExistingCancellation()
    {
        var id = await StartedByBookingAsync();

        using var again = await api.Support.StartAsync(new { paymentRequestId = id });

        Assert.True(again.IsSuccessStatusCode, $"{(int)again.StatusCode}");
        var answer = await again.ReadObjectAsync();
        Assert.False((bool)answer["created"]!);
        Assert.Equal($"cancel-{id}", (string?)answer["workflowId"]);
    }

    [Fact]
    public async Task Resolve_PlainCaller_403ProblemEvenForItsOwnEscalation()
    {
        var id = await api.EscalatedCancellationAsync();

        using var response = await api.Booking.ResolveAsync(id, new { outcome = "Cancelled" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("urn:cancelworkflows:problem:forbidden", (string?)problem["type"]);
        Assert.Contains("operator", (string?)problem["detail"], StringComparison.Ordinal);
        var status = await api.Support.StatusAsync(id);
        Assert.NotNull(status);
        Assert.Equal("Escalated", status.Outcome());
        Assert.Null(status["resolution"]);
    }

    private async Task<string> StartedByBookingAsync(string? callbackUrl = null)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);
        using var started = await api.Booking.StartAsync(new { paymentRequestId = id, callbackUrl }, query: "?wait=30");
        started.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The problem body with the asked id replaced and the per-request trace id left out.</summary>
    private static async Task<string> ComparableAsync(HttpResponseMessage response, string id)
    {
        var problem = await response.ReadObjectAsync();
        problem.Remove("traceId");
        return problem.ToJsonString().Replace(id, "<id>", StringComparison.Ordinal);
    }
}
