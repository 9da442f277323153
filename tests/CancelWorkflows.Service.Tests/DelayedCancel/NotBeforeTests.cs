using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.DelayedCancel;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Promotions;

namespace CancelWorkflows.Service.Tests.DelayedCancel;

/// <summary>A single delayed cancel: <c>POST /v1/cancellations</c> with <c>notBefore</c> starts the workflow with a start
/// delay; Antom is not called before that time.</summary>
[Collection(PromotionDevModeCollection.Name)]
public sealed class NotBeforeTests(PromotionDevMode devMode)
{
    [Fact]
    public async Task Post_WithNotBefore_WorkflowExistsAtOnceAndCancelsOnlyFromThatTime()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await devMode.Dev.Simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "PROCESSING",
            PaymentAmount = new AntomAmount("USD", "1000"),
        });
        var notBefore = DateTimeOffset.UtcNow.AddSeconds(4);

        var post = Stopwatch.StartNew();
        using var response = await devMode.Dev.Api.PostCancellationAsync(new { paymentRequestId = id, reason = "hold expired", notBefore = notBefore.ToString("O") });
        post.Stop();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var described = await devMode.Temporal.GetWorkflowHandle($"cancel-{id}").DescribeAsync();
        var executionTime = new DateTimeOffset(DateTime.SpecifyKind(described.ExecutionTime!.Value, DateTimeKind.Utc));
        Assert.InRange(executionTime, notBefore.AddSeconds(-1), LatestExecutionTime(notBefore, post.Elapsed));
        Assert.Empty((await devMode.Dev.Simulator.GetPaymentAsync(id))!.Calls);

        var status = await devMode.Dev.Api.WaitForOutcomeAsync($"/v1/cancellations/{id}", TimeSpan.FromSeconds(60));

        Assert.Equal("Cancelled", (string?)status["outcome"]);
        var payment = (await devMode.Dev.Simulator.GetPaymentAsync(id))!;
        Assert.Equal(1, payment.EffectiveCancels);
        Assert.All(payment.Calls, call => Assert.True(call.Time >= notBefore.AddMilliseconds(-500), $"{call.Api} at {call.Time:O}, before {notBefore:O}"));
    }

    [Fact]
    public async Task Get_BeforeNotBefore_AnswersAtOnceThatItIsScheduled()
    {
        // The workflow has run no code yet, so there is nothing to answer a Status query: the API answers from describe.
        var id = CancellationApiCalls.NewPaymentRequestId();
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(10);
        var post = Stopwatch.StartNew();
        using (var started = await devMode.Dev.Api.PostCancellationAsync(new { paymentRequestId = id, bookingRef = "BK-later", notBefore = notBefore.ToString("O") }))
        {
            post.Stop();
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await devMode.Dev.Api.GetAsync($"v1/cancellations/{id}", cancel.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed}");
        var status = await response.ReadObjectAsync();
        Assert.Null((string?)status["outcome"]);
        Assert.Equal(id, (string?)status["paymentRequestId"]);
        Assert.Equal("BK-later", (string?)status["bookingRef"]);
        Assert.InRange(DateTimeOffset.Parse((string)status["scheduledFor"]!, System.Globalization.CultureInfo.InvariantCulture), notBefore.AddSeconds(-1), LatestExecutionTime(notBefore, post.Elapsed));
        Assert.Equal("scheduled", (string?)status["steps"]!.AsArray().Single()!["name"]);
        Assert.Empty((await devMode.Dev.Simulator.GetPaymentAsync(id))?.Calls ?? []);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2030-01-01T00:00:00")]
    [InlineData("+40d")]
    public async Task Post_BadNotBefore_400AndNothingStarted(string notBefore)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var text = notBefore == "+40d" ? DateTimeOffset.UtcNow.AddDays(40).ToString("O") : notBefore;

        using var response = await devMode.Dev.Api.PostCancellationAsync(new { paymentRequestId = id, notBefore = text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]?["notBefore"]);
        using var status = await devMode.Dev.Api.GetAsync($"v1/cancellations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public void Parse_PastStartsNow_FutureDelays_Bounded()
    {
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal((null, null), NotBefore.Parse(At(null), now));
        Assert.Equal((null, null), NotBefore.Parse(At("  "), now));
        Assert.Equal((null, null), NotBefore.Parse(At("2029-12-31T23:00:00Z"), now));
        Assert.Equal((TimeSpan.FromHours(1), null), NotBefore.Parse(At("2030-01-01T02:00:00+01:00"), now));
        Assert.NotNull(NotBefore.Parse(At("2030-02-01T00:00:01Z"), now).Problem);
        Assert.Throws<JsonException>(() => At("2030-01-01 01:00"));
        Assert.Throws<JsonException>(() => At("2030-01-01T01:00:00"));
    }

    /// <summary>
    /// The latest execution time a start with <paramref name="notBefore"/> can show. The API turns the time into a start delay
    /// (notBefore − its now) and Temporal adds that delay to its own now when the start arrives, so the workflow runs late by
    /// the time between the two, never early. That time lies within the POST's round trip, which a loaded machine stretches
    /// past a second. The 1 s beyond it is the same slack the early side has.
    /// </summary>
    private static DateTimeOffset LatestExecutionTime(DateTimeOffset notBefore, TimeSpan postRoundTrip) =>
        notBefore + postRoundTrip + TimeSpan.FromSeconds(1);

    /// <summary><c>notBefore</c> as the API reads it (strictly: ISO-8601 with an offset; blank is none).</summary>
    private static DateTimeOffset? At(string? text) =>
        JsonSerializer.Deserialize<StartCancellationRequest>(JsonSerializer.Serialize(new { notBefore = text }), StrictJsonBody.Options)!.NotBefore;
}
