using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;

namespace CancelWorkflows.Cli.Tests.Commands;

public sealed class StartCommandTests
{
    private const string Path = "/v1/cancellations";
    private readonly FakeApi api = new();

    [Fact]
    public async Task Start_SendsTheBody_TheIdempotencyKey_TheWait_AndTheApiKey()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pr-1"));

        var run = await new InProcessCli(api).RunAsync(
            "start", "--payment-request-id", "pr-1", "--payment-id", "pid-9", "--reason", "booking cancelled", "--booking-ref", "B-42",
            "--merchant", "acme", "--callback-url", "https://booking.example.com/hooks/cancel", "--idempotency-key", "k-1", "--wait", "30");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = Assert.Single(api.Requests);
        Assert.Equal("30", request.Query("wait"));
        Assert.Equal("k-1", request.Headers["Idempotency-Key"]);
        Assert.Equal($"Bearer {InProcessCli.TestApiKey}", request.Headers["Authorization"]);
        var body = request.BodyJson();
        Assert.Equal("pr-1", body.GetProperty("paymentRequestId").GetString());
        Assert.Equal("pid-9", body.GetProperty("paymentId").GetString());
        Assert.Equal("booking cancelled", body.GetProperty("reason").GetString());
        Assert.Equal("B-42", body.GetProperty("bookingRef").GetString());
        Assert.Equal("acme", body.GetProperty("merchant").GetString());
        Assert.Equal("https://booking.example.com/hooks/cancel", body.GetProperty("callbackUrl").GetString());
    }

    [Fact]
    public async Task Start_NotBefore_SentAsTheBodysNotBefore()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pr-1"));

        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--not-before", "2030-03-01T20:00:00+08:00");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var sent = Assert.Single(api.Requests).BodyJson().GetProperty("notBefore").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2030, 3, 1, 12, 0, 0, TimeSpan.Zero), sent);
    }

    [Fact]
    public async Task Start_NotBeforeNotATime_UsageErrorAndNothingSent()
    {
        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--not-before", "tomorrow");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--not-before: 'tomorrow' is not a time", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Start_FallbackRefund_SentAsTheBodysFallback()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pr-1"));

        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--fallback", "refund");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("refund", Assert.Single(api.Requests).BodyJson().GetProperty("fallback").GetString());
    }

    [Fact]
    public async Task Start_AntomMerchant_SentAsTheBodysAntomMerchant_LeftOutWithoutIt()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pr-1"));

        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--antom-merchant", "brand-b");
        await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("brand-b", api.Requests[0].BodyJson().GetProperty("antomMerchant").GetString());
        Assert.False(api.Requests[1].BodyJson().TryGetProperty("antomMerchant", out _));
    }

    [Fact]
    public async Task Start_FallbackUnknown_UsageErrorAndNothingSent()
    {
        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--fallback", "void");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--fallback", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Start_WithoutFallback_SendsNone()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pr-1"));

        await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1");

        Assert.False(Assert.Single(api.Requests).BodyJson().TryGetProperty("fallback", out _));
    }

    [Fact]
    public async Task Start_WithoutWait_SendsNoWait()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pr-1"));

        await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1");

        Assert.Null(Assert.Single(api.Requests).Query("wait"));
    }

    [Fact]
    public async Task Start_Undecided_SaysStarted_AndHowToFollow()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pr-1"));

        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--wait", "5");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("Cancellation started: no outcome yet after 5s.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("cancel-pr-1 (run run-1)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("cancelctl watch pr-1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8233/", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithOutcome_ShowsTheOutcomeAndTheStory()
    {
        var decided = SampleCancellations.Status("pr-1");
        api.On(HttpMethod.Post, Path, HttpStatusCode.OK, SampleCancellations.Started("pr-1", decided));

        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--wait", "30");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("Cancellation started: outcome Cancelled.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cancelled (rule A3)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Steps", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ByPaymentIdOnly_PointsToStatusByPaymentId()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pid-9") with { WorkflowId = "cancel-pid-pid-9" });

        var run = await new InProcessCli(api).RunAsync("start", "--payment-id", "pid-9");

        Assert.Contains("cancelctl status pid-9 --by-payment-id", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Existing_SaysNothingNewStarted()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.Accepted, SampleCancellations.Started("pr-1") with { Created = false });

        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1");

        Assert.StartsWith("Cancellation already exists (nothing new started).", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Json_IsOneDocumentWithTheOutcome()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.OK, SampleCancellations.Started("pr-1", SampleCancellations.Status("pr-1")));

        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--wait", "30", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var document = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("cancel-pr-1", document.GetProperty("workflowId").GetString());
        Assert.Equal("Cancelled", document.GetProperty("outcome").GetString());
        Assert.Equal(200, document.GetProperty("httpStatus").GetInt32());
        Assert.Equal("A3", document.GetProperty("cancellation").GetProperty("rule").GetString());
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Start_RefusedWithFieldErrors_ExitsOne_NamingTheField()
    {
        api.On(HttpMethod.Post, Path, HttpStatusCode.BadRequest, FakeApi.Problem(
            400,
            "The cancellation request is not valid; nothing was started.",
            errors: new Dictionary<string, string[]> { ["merchant"] = ["Unknown merchant."] }));

        var run = await new InProcessCli(api).RunAsync("start", "--payment-request-id", "pr-1", "--merchant", "nobody", "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("cancelctl: the service refused: 400 The cancellation request is not valid; nothing was started. (merchant: Unknown merchant.)", run.Stderr, StringComparison.Ordinal);
        var error = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("error");
        Assert.Equal("api", error.GetProperty("kind").GetString());
        Assert.Equal(400, error.GetProperty("httpStatus").GetInt32());
        Assert.Equal("Unknown merchant.", error.GetProperty("problem").GetProperty("errors").GetProperty("merchant")[0].GetString());
    }
}
