using System.Diagnostics;
using System.Net;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows;
using Temporalio.Client;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary><c>POST /v1/cancellations</c> over real HTTP: start, duplicates with and without Idempotency-Key, ?wait.</summary>
[Collection(ApiCollection.Name)]
public sealed class StartCancellationApiTests(ApiDevMode api)
{
    private DevModeInstance Dev => api.Dev;

    [Fact]
    public async Task Start_NewPayment_202CreatedWithLinksCallerAndSearchAttributes()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAsync(id);

        using var response = await api.Ticketing.StartAsync(new { paymentRequestId = id, reason = "booking cancelled", bookingRef = "BK-9", merchant = "acme" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/v1/cancellations/{id}", response.Headers.Location?.OriginalString);
        var started = await response.ReadObjectAsync();
        Assert.Equal($"cancel-{id}", (string?)started["workflowId"]);
        Assert.False(string.IsNullOrEmpty((string?)started["runId"]));
        Assert.Equal($"/v1/cancellations/{id}", (string?)started["statusUrl"]);
        Assert.Contains($"/workflows/cancel-{id}/", (string?)started["temporalWebUrl"], StringComparison.Ordinal);
        Assert.True((bool)started["created"]!);

        var status = await api.Ticketing.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.Equal("ticketing", (string?)status["requestedBy"]);
        var description = await api.Temporal.GetWorkflowHandle($"cancel-{id}").DescribeAsync();
        Assert.Equal("acme", description.TypedSearchAttributes.Get(CancelSearchAttributes.Merchant));
        Assert.Equal("BK-9", description.TypedSearchAttributes.Get(CancelSearchAttributes.BookingRef));
        Assert.Equal("ticketing", await description.Memo["requestedBy"].ToValueAsync<string>());
    }

    [Fact]
    public async Task Start_TwiceWithoutKey_OneWorkflowSecondSaysExisting()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAsync(id);

        using var first = await api.Booking.StartAsync(new { paymentRequestId = id });
        using var second = await api.Booking.StartAsync(new { paymentRequestId = id, reason = "asked again" });

        var a = await first.ReadObjectAsync();
        var b = await second.ReadObjectAsync();
        Assert.True((bool)a["created"]!);
        Assert.False((bool)b["created"]!);
        Assert.Equal((string?)a["runId"], (string?)b["runId"]);
        await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.Equal(1, (await Dev.Simulator.GetPaymentAsync(id))!.EffectiveCancels);
        Assert.Equal(1, await CountRunsAsync(id));
    }

    [Fact]
    public async Task Start_SameKeySameBody_SameAnswerOneWorkflow()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAsync(id);
        var body = new { paymentRequestId = id, reason = "retry me", merchant = "acme" };

        using var first = await api.Booking.StartAsync(body, idempotencyKey: "key-" + id);
        using var retry = await api.Booking.StartAsync(body, idempotencyKey: "key-" + id);

        var a = await first.ReadObjectAsync();
        var b = await retry.ReadObjectAsync();
        Assert.True((bool)a["created"]!);
        Assert.True((bool)b["created"]!); // a retry hears what the first request was told
        Assert.Equal((string?)a["workflowId"], (string?)b["workflowId"]);
        Assert.Equal((string?)a["runId"], (string?)b["runId"]);
        Assert.Equal(1, await CountRunsAsync(id));
    }

    [Fact]
    public async Task Start_SameKeyDifferentBody_422ProblemAndNothingChanged()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAsync(id);
        using var first = await api.Booking.StartAsync(new { paymentRequestId = id, reason = "first" }, idempotencyKey: "key-" + id);

        using var reused = await api.Booking.StartAsync(new { paymentRequestId = id, reason = "second" }, idempotencyKey: "key-" + id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        var problem = await reused.ReadObjectAsync();
        Assert.Equal("urn:cancelworkflows:problem:idempotency-key-reused", (string?)problem["type"]);
        Assert.Equal(1, await CountRunsAsync(id));
    }

    [Fact]
    public async Task Start_SameKeyFromAnotherCaller_IsNotThatCallersKey409()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAsync(id);
        using var first = await api.Booking.StartAsync(new { paymentRequestId = id }, idempotencyKey: "shared-" + id);

        using var other = await api.Ticketing.StartAsync(new { paymentRequestId = id, reason = "other body" }, idempotencyKey: "shared-" + id);

        // The key is scoped to its caller: another caller's same key is no replay, and the payment is the first caller's.
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("urn:cancelworkflows:problem:payment-cancelled-by-another-caller", (string?)(await other.ReadObjectAsync())["type"]);
    }

    [Fact]
    public async Task Start_ConcurrentRequests_ExactlyOneCreatedAndOneCancel()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAsync(id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.Booking.StartAsync(new { paymentRequestId = id })));

        var answers = await Task.WhenAll(responses.Select(r => r.ReadObjectAsync()));
        Assert.Single(answers, a => (bool)a["created"]!);
        Assert.Single(answers.Select(a => (string?)a["runId"]).Distinct());
        await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.Equal(1, (await Dev.Simulator.GetPaymentAsync(id))!.EffectiveCancels);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Start_WaitAndAntomAnswersAtOnce_200WithTheOutcome()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAsync(id);

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id }, query: "?wait=30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadObjectAsync();
        Assert.Equal("Cancelled", (string?)answer["outcome"]);
        Assert.True((bool)answer["created"]!);
        Assert.Equal("Cancelled", (string?)answer["cancellation"]!["outcome"]);
        Assert.Equal("S", (string?)answer["cancellation"]!["attempts"]![0]!["resultStatus"]);
    }

    [Fact]
    public async Task Start_WaitShorterThanAntomsAnswer_202WithinTheWait()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAsync(id);
        await Dev.Simulator.QueueFaultsAsync(id, new SimFault { Kind = "delay", DelayMs = 8000 });
        var clock = Stopwatch.StartNew();

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id }, query: "?wait=1");

        clock.Stop();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(6));
        var answer = await response.ReadObjectAsync();
        Assert.Null((string?)answer["outcome"]);
        Assert.Null(answer["cancellation"]);
        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.Equal("Cancelled", status.Outcome());
    }

    [Fact]
    public async Task Start_WaitShorterThanTheURetry_202ThenDecidedByTheRetry()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAnsweringUAsync(id, 1);

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id }, query: "?wait=1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null((string?)(await response.ReadObjectAsync())["outcome"]);
        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.Equal("Cancelled", status.Outcome());
        Assert.Equal(["U", "S"], status["attempts"]!.AsArray().Select(a => (string?)a!["resultStatus"]));
    }

    [Fact]
    public async Task Start_WaitOnAnExistingRunningCancellation_200WithItsOutcome()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.PaidCardAnsweringUAsync(id, 1);
        using var first = await api.Booking.StartAsync(new { paymentRequestId = id });

        using var waiting = await api.Booking.StartAsync(new { paymentRequestId = id }, query: "?wait=20");

        Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
        var answer = await waiting.ReadObjectAsync();
        Assert.False((bool)answer["created"]!);
        Assert.Equal("Cancelled", (string?)answer["outcome"]);
    }

    /// <summary>Runs of this payment's workflow id in visibility (polled until the first shows up).</summary>
    private async Task<int> CountRunsAsync(string paymentRequestId) =>
        await Eventually.ReturnsAsync(
            async () =>
            {
                var count = 0;
                await foreach (var _ in api.Temporal.ListWorkflowsAsync($"WorkflowId = 'cancel-{paymentRequestId}'"))
                {
                    count++;
                }

                return count;
            },
            count => count > 0,
            what: $"cancel-{paymentRequestId} in visibility");
}
