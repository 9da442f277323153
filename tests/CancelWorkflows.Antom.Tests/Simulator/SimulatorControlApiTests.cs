using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>The control API's contract: bad input → 400 problem+json with a reason, and nothing changed.</summary>
public sealed class SimulatorControlApiTests
{
    private const string Valid = """{"paymentMethodType":"ALIPAY_CN","paymentStatus":"PROCESSING","paymentAmount":{"currency":"USD","value":"100"}}""";

    [Theory]
    [InlineData("""{"paymentMethodType":"ALIPAY_CN","paymentStatus":"PAID","paymentAmount":{"currency":"USD","value":"100"}}""", "paymentStatus 'PAID'")]
    [InlineData("""{"paymentMethodType":"ALIPAY_CN","paymentStatus":"PENDING","paymentAmount":{"currency":"USD","value":"100"}}""", "paymentStatus 'PENDING'")]
    [InlineData("""{"paymentMethodType":"ALIPAY_CN","paymentAmount":{"currency":"USD","value":"100"}}""", "paymentStatus is required")]
    [InlineData("""{"paymentStatus":"PROCESSING","paymentAmount":{"currency":"USD","value":"100"}}""", "paymentMethodType is required")]
    [InlineData("""{"paymentMethodType":"ALIPAY_CN","paymentStatus":"PROCESSING"}""", "paymentAmount")]
    [InlineData("""{"paymentMethodType":"ALIPAY_CN","paymentStatus":"PROCESSING","paymentAmount":{"currency":"USD","value":"1.00"}}""", "paymentAmount.value")]
    [InlineData("""{"paymentMethodType":"ALIPAY_CN","paymentStatus":"PROCESSING","paymentAmount":{"currency":"USD","value":100}}""", "Malformed JSON")]
    [InlineData("""{"paymentMethodType":"ALIPAY_CN","paymentStatus":"PROCESSING","paymentAmount":{"currency":"USD","value":"100"},"createTime":"yesterday"}""", "Malformed JSON")]
    [InlineData("""{"paymentMethodType":"ALIPAY_CN","paymentStatus":"PROCESSING","paymentAmount":{"currency":"USD","value":"100"},"refunded":true}""", "refunded")]
    [InlineData("""{"paymentMethodType": "ALIPAY_CN", "paymentStatus": """, "Malformed JSON")]
    [InlineData("", "JSON body is required")]
    [InlineData("null", "JSON null")]
    public async Task PutPayment_BadInput_Returns400WithReasonAndChangesNothing(string body, string reason)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var http = sim.Raw();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(http, "sim/v1/payments/existing", Valid)).StatusCode);
        var before = await sim.Control.GetPaymentAsync("existing");

        var replaced = await PutAsync(http, "sim/v1/payments/existing", body);
        var created = await PutAsync(http, "sim/v1/payments/fresh", body);

        foreach (var response in new[] { replaced, created })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await sim.Control.GetPaymentAsync("existing"), new ViewComparer());
        Assert.Null(await sim.Control.GetPaymentAsync("fresh"));
    }

    [Fact]
    public async Task PutPayment_TypedClientUnknownStatus_ThrowsWithTheReason()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var e = await Assert.ThrowsAsync<SimulatorControlException>(() => sim.Control.PutPaymentAsync("p", SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { PaymentStatus = "REVERSED" }));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("REVERSED", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutPayment_PaymentIdOfAnotherPayment_Returns400AndChangesNothing()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var first = await sim.Control.PutPaymentAsync("first", SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        var e = await Assert.ThrowsAsync<SimulatorControlException>(() => sim.Control.PutPaymentAsync("second", SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { PaymentId = first.PaymentId }));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Null(await sim.Control.GetPaymentAsync("second"));
    }

    [Fact]
    public async Task PutPayment_WithoutPaymentId_MakesOneAndKeepsItOnReplace()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var created = await sim.Control.PutPaymentAsync("keep-id", SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        var replaced = await sim.Control.PutPaymentAsync("keep-id", SimulatorHarness.Paid(DateTimeOffset.UtcNow));

        Assert.Matches("^[0-9]{28}$", created.PaymentId);
        Assert.Equal(created.PaymentId, replaced.PaymentId);
        Assert.Equal(("SUCCESS", 0), (replaced.PaymentStatus, replaced.EffectiveCancels));
    }

    [Fact]
    public async Task GetPayment_Unknown_Returns404AndTypedClientNull()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var response = await sim.Raw().GetAsync("sim/v1/payments/unknown");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await sim.Control.GetPaymentAsync("unknown"));
    }

    [Theory]
    [InlineData("""{"kind":"X"}""", "kind 'X'")]
    [InlineData("""[{"kind":"U"},{"kind":"F"}]""", "needs a resultCode")] // the valid first one is not queued either
    [InlineData("""{"kind":"delay"}""", "delayMs")]
    [InlineData("""{"kind":"U","count":0}""", "count")]
    [InlineData("""{"kind":"U","api":"capture"}""", "api 'capture'")]
    [InlineData("""{"kind":"U","processFirst":true}""", "processFirst")]
    [InlineData("""{"kind":"U","resultCode":" "}""", "optional resultCode")]
    [InlineData("""{"kind":"drop","resultCode":"PROCESS_FAIL"}""", "resultCode only applies to kinds F and U")]
    [InlineData("42", "one fault object or an array")]
    [InlineData("""{"kind":""", "Malformed JSON")]
    public async Task QueueFaults_BadInput_Returns400AndQueuesNothing(string body, string reason)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.PutPaymentAsync("faulty", SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        var response = await sim.Raw().PostAsync("sim/v1/payments/faulty/faults", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await sim.Control.GetPaymentAsync("faulty"))!.PendingFaults);
    }

    [Fact]
    public async Task QueueFaults_ArrayForUnknownPayment_Returns404()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var response = await sim.Raw().PostAsync("sim/v1/payments/ghost/faults", new StringContent("""[{"kind":"U","count":2}]""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task QueueFaults_OneObjectAndArray_AreQueuedInOrderWithDefaults()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.PutPaymentAsync("queued", SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
        var http = sim.Raw();

        await http.PostAsync("sim/v1/payments/queued/faults", new StringContent("""{"kind":"U","count":2}""", Encoding.UTF8, "application/json"));
        await http.PostAsync("sim/v1/payments/queued/faults", new StringContent("""[{"kind":"HTTP500"},{"kind":"delay","delayMs":10,"api":"any"}]""", Encoding.UTF8, "application/json"));

        var faults = (await sim.Control.GetPaymentAsync("queued"))!.PendingFaults;
        Assert.Equal([("U", 2, "cancel"), ("http500", 1, "cancel"), ("delay", 1, "any")], faults.Select(f => (f.Kind, f.Count ?? 0, f.Api)));
    }

    [Fact]
    public async Task SetClock_WithoutNow_Returns400AndClockUnchanged()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var fixedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await sim.Control.SetClockAsync(fixedAt);
        var http = sim.Raw();

        var missing = await http.PutAsync("sim/v1/clock", new StringContent("{}", Encoding.UTF8, "application/json"));
        var malformed = await http.PutAsync("sim/v1/clock", new StringContent("""{"now":"soon"}""", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (missing.StatusCode, malformed.StatusCode));
        var clock = await http.GetFromJsonAsync<SimClock>("sim/v1/clock");
        Assert.Equal((fixedAt, true), (clock!.Now, clock.Fixed));
    }

    [Fact]
    public async Task ResetClock_AfterFixedClock_ReturnsToRealTime()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await sim.Control.SetClockAsync(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

        await sim.Control.ResetClockAsync();

        var clock = await sim.Raw().GetFromJsonAsync<SimClock>("sim/v1/clock");
        Assert.False(clock!.Fixed);
        Assert.InRange(clock.Now!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    [InlineData("")]
    public async Task TrustMerchant_KeyThatDoesNotLoad_Returns400AndDoesNotTrust(string pem)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var e = await Assert.ThrowsAsync<SimulatorControlException>(() => sim.Control.TrustMerchantAsync("NEW_MERCHANT", pem));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.DoesNotContain("NEW_MERCHANT", await sim.Raw().GetFromJsonAsync<List<string>>("sim/v1/merchants") ?? []);
    }

    [Fact]
    public async Task TrustMerchant_PrivateKeyInsteadOfPublic_Returns400()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var e = await Assert.ThrowsAsync<SimulatorControlException>(() => sim.Control.TrustMerchantAsync("LEAKY", SimulatorHarness.MerchantPrivatePem));

        Assert.Contains("private key", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrustMerchant_NewKey_LetsThatMerchantCancel()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var keys = SimulatorHarness.NewPair();
        var id = SimulatorHarness.NewId("new-merchant");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { ClientId = "SECOND_MERCHANT" });

        await sim.Control.TrustMerchantAsync("SECOND_MERCHANT", keys.Public);
        var call = await sim.Client(clientId: "SECOND_MERCHANT", merchantPrivatePem: keys.Private).CancelAsync(SimulatorHarness.Cancel(id));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
    }

    [Fact]
    public async Task AntomPublicKey_IsTextPlainPemMatchingTheServer()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var response = await sim.Raw().GetAsync("sim/v1/keys/antom-public.pem");

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var pem = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(sim.Server.AntomPublicKeyPem, pem);
    }

    [Fact]
    public async Task AntomPath_NotSimulatedOperation_Returns404()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var response = await sim.Raw().PostAsync("ams/api/v1/payments/capture", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient http, string path, string body) =>
        http.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Views hold lists, which records compare by reference: compare their JSON instead.</summary>
    private sealed class ViewComparer : IEqualityComparer<SimPaymentView?>
    {
        public bool Equals(SimPaymentView? x, SimPaymentView? y) => JsonSerializer.Serialize(x) == JsonSerializer.Serialize(y);

        public int GetHashCode(SimPaymentView? obj) => 0;
    }
}
