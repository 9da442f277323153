using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.DevMode;

/// <summary>Dev mode as a booking service sees it: the API on a real process, a real Temporal dev server, the simulator.</summary>
public sealed class DevModeApiTests(DevModeFixture fixture) : IClassFixture<DevModeFixture>
{
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(60);

    private DevModeInstance Dev => fixture.Instance;

    [Fact]
    public async Task PostCancellation_PaidCard_CancelledOnceWithTheWholeStory()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.Simulator.PutPaidCardPaymentAsync(id);

        using var response = await Dev.Api.PostCancellationAsync(new { paymentRequestId = id, reason = "customer asked", bookingRef = "BK-1", merchant = "acme" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.ReadObjectAsync();
        Assert.Equal($"cancel-{id}", (string?)started["workflowId"]);
        Assert.False(string.IsNullOrEmpty((string?)started["runId"]));
        Assert.Equal($"/v1/cancellations/{id}", (string?)started["statusUrl"]);
        Assert.StartsWith($"http://127.0.0.1:{Dev.Ports.TemporalUi}/namespaces/default/workflows/cancel-{id}/", (string?)started["temporalWebUrl"], StringComparison.Ordinal);

        var status = await Dev.Api.WaitForOutcomeAsync((string)started["statusUrl"]!, OutcomeTimeout);
        Assert.Equal("Cancelled", (string?)status["outcome"]);
        Assert.Equal((string?)started["workflowId"], (string?)status["workflowId"]);
        Assert.Equal((string?)started["runId"], (string?)status["runId"]);
        Assert.Equal(id, (string?)status["paymentRequestId"]);
        Assert.Equal("dev", (string?)status["requestedBy"]);
        var attempt = Assert.Single(status["attempts"]!.AsArray())!;
        Assert.Equal("S", (string?)attempt["resultStatus"]);
        Assert.NotNull(attempt["time"]);
        Assert.NotEmpty(status["steps"]!.AsArray());
        Assert.False((bool)status["lateSuccess"]!);
        Assert.NotNull((string?)status["temporalWebUrl"]);

        var payment = await Dev.Simulator.GetPaymentAsync(id);
        Assert.Equal(1, payment!.EffectiveCancels);
    }

    [Fact]
    public void ReadyBanner_NamesBothMerchantsWithTheirClientIds()
    {
        Assert.Contains(
            "  Merchants        default SANDBOX_DEV_MERCHANT, brand-b SANDBOX_DEV_MERCHANT_B  (each trusted by the simulator",
            Dev.Process.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCancellation_BrandB_SignsWithTheSecondPairAsSandboxDevMerchantB_TheSimulatorTrustsIt()
    {
        // The second pair is its own, in the first pair's formats (PKCS#8 private, SPKI public).
        var keys = Path.Combine(Dev.DataDir, "keys");
        var bPrivate = await File.ReadAllTextAsync(Path.Combine(keys, "merchant-b-private.pem"));
        var bPublic = await File.ReadAllTextAsync(Path.Combine(keys, "merchant-b-public.pem"));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", bPrivate, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", bPublic, StringComparison.Ordinal);
        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(keys, "merchant-private.pem")), bPrivate);
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.Simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "CARD",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-5),
            PaymentTime = DateTimeOffset.UtcNow.AddMinutes(-5),
            ClientId = "SANDBOX_DEV_MERCHANT_B",
        });

        using var response = await Dev.Api.PostCancellationAsync(new { paymentRequestId = id, antomMerchant = "brand-b" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await Dev.Api.WaitForOutcomeAsync((string)(await response.ReadObjectAsync())["statusUrl"]!, OutcomeTimeout);
        Assert.Equal(("Cancelled", "brand-b"), ((string?)status["outcome"], (string?)status["antomMerchant"]));
        var payment = (await Dev.Simulator.GetPaymentAsync(id))!;
        Assert.Equal(1, payment.EffectiveCancels);
        Assert.NotEmpty(payment.Calls);
        Assert.All(payment.Calls, c => Assert.Equal(("SANDBOX_DEV_MERCHANT_B", true), (c.ClientId, c.Sandbox)));
        Assert.DoesNotContain(payment.Calls, c => c.ResultCode is "INVALID_SIGNATURE" or "CLIENT_INVALID");
    }

    [Fact]
    public async Task PostCancellation_Twice_SameWorkflowAndRun()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.Simulator.PutPaidCardPaymentAsync(id);

        // Antom holds the cancel call, so the second start meets the first run still running: without it the run can
        // decide and close (eager start, a ~50 ms happy path) before the second request, which then answers 200.
        await Dev.Simulator.QueueFaultsAsync(id, new SimFault { Kind = "delay", DelayMs = 3000 });
        using var first = await Dev.Api.PostCancellationAsync(new { paymentRequestId = id });
        using var second = await Dev.Api.PostCancellationAsync(new { paymentRequestId = id, reason = "asked again" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var a = await first.ReadObjectAsync();
        var b = await second.ReadObjectAsync();
        Assert.Equal((string?)a["workflowId"], (string?)b["workflowId"]);
        Assert.Equal((string?)a["runId"], (string?)b["runId"]);
        await Dev.Api.WaitForOutcomeAsync((string)a["statusUrl"]!, OutcomeTimeout);
        Assert.Equal(1, (await Dev.Simulator.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task PostCancellation_AfterTheWorkflowClosed_ReturnsThatRunAndNeverCancelsAgain()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await Dev.Simulator.PutPaidCardPaymentAsync(id);
        using var first = await Dev.Api.PostCancellationAsync(new { paymentRequestId = id });
        var started = await first.ReadObjectAsync();
        await Dev.Api.WaitForOutcomeAsync((string)started["statusUrl"]!, OutcomeTimeout);

        // While the watch window runs, a start answers 202 with the running workflow; once it closed, 200 with the same.
        var deadline = DateTime.UtcNow + DevModeFixture.WatchWindow + TimeSpan.FromSeconds(30);
        HttpStatusCode code;
        JsonObject answer;
        do
        {
            await Task.Delay(500);
            using var again = await Dev.Api.PostCancellationAsync(new { paymentRequestId = id });
            code = again.StatusCode;
            answer = await again.ReadObjectAsync();
            Assert.Equal((string?)started["workflowId"], (string?)answer["workflowId"]);
            Assert.Equal((string?)started["runId"], (string?)answer["runId"]);
        }
        while (code == HttpStatusCode.Accepted && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(1, (await Dev.Simulator.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task PostCancellation_PaymentIdOnly_NamedByPaymentIdAndReadableByIt()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await Dev.Simulator.PutPaidCardPaymentAsync(id);

        using var response = await Dev.Api.PostCancellationAsync(new { paymentId = payment.PaymentId });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.ReadObjectAsync();
        Assert.Equal($"cancel-pid-{payment.PaymentId}", (string?)started["workflowId"]);
        Assert.Equal($"/v1/cancellations/{payment.PaymentId}?by=paymentId", (string?)started["statusUrl"]);
        var status = await Dev.Api.WaitForOutcomeAsync((string)started["statusUrl"]!, OutcomeTimeout);
        Assert.Equal("Cancelled", (string?)status["outcome"]);
    }

    [Fact]
    public async Task PostCancellation_NeitherId_Is400ProblemNamingA2()
    {
        using var response = await Dev.Api.PostCancellationAsync(new { reason = "no ids" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Contains("A2", problem["errors"]!["paymentRequestId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task PostCancellation_WithoutTheApiKey_Is401Problem(string? key)
    {
        using var http = new HttpClient { BaseAddress = Dev.Api.BaseAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.PostAsJsonAsync("v1/cancellations", new { paymentRequestId = CancellationApiCalls.NewPaymentRequestId() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (int?)(await response.ReadObjectAsync())["status"]);
    }

    [Fact]
    public async Task GetCancellation_Unknown_Is404Problem()
    {
        using var response = await Dev.Api.GetAsync("v1/cancellations/never-heard-of-it");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_TemporalReachableAndWorkerPolling_Is200WithDetailsForTheDevKey()
    {
        // The dev API key is an operator's: it sees each check (anonymous probes get the status only).
        using var response = await Dev.Api.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadObjectAsync();
        Assert.Equal("Healthy", (string?)report["checks"]!["temporal"]!["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["worker"]!["status"]);
    }

    [Fact]
    public async Task Alive_Is200()
    {
        using var http = new HttpClient { BaseAddress = Dev.Api.BaseAddress };

        using var response = await http.GetAsync("alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_ListsBothCancellationEndpoints()
    {
        using var http = new HttpClient { BaseAddress = Dev.Api.BaseAddress };

        var document = JsonNode.Parse(await http.GetStringAsync("openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject();
        Assert.NotNull(paths["/v1/cancellations"]?["post"]);
        Assert.NotNull(paths["/v1/cancellations/{paymentRequestId}"]?["get"]);
    }
}
