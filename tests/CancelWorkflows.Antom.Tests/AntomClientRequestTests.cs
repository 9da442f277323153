using System.Globalization;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Tests.Support;
using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Antom.Tests;

/// <summary>What goes on the wire: path (sandbox rewrite), exact body bytes, headers, and a signature over exactly those
/// bytes that the fake gateway verifies with the merchant's public key (docs/antom-api.md §5).</summary>
public sealed class AntomClientRequestTests
{
    private const string Ok = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    [Fact]
    public async Task CancelAsync_ProductionClient_PostsSignedRequestToProductionPath()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        await client.CancelAsync(new CancelRequest(null, "pr-1"));

        var request = antom.Single;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/ams/api/v1/payments/cancel", request.Path);
        Assert.Equal(ClientFactory.ProductionClientId, request.ClientId);
        Assert.True(request.SignatureValid, "the gateway could not verify the request signature");
        Assert.StartsWith("algorithm=RSA256,keyVersion=1,signature=", request.Signature, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cancel", "/ams/sandbox/api/v1/payments/cancel")]
    [InlineData("inquiryPayment", "/ams/sandbox/api/v1/payments/inquiryPayment")]
    [InlineData("inquiryRefund", "/ams/sandbox/api/v1/payments/inquiryRefund")]
    [InlineData("refund", "/ams/sandbox/api/v1/payments/refund")]
    public async Task AnyCall_SandboxClientId_UsesAndSignsSandboxPath(string operation, string expectedPath)
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl, ClientFactory.SandboxClientId);

        var answered = operation switch
        {
            "cancel" => (await client.CancelAsync(new CancelRequest(null, "pr-1"))).Answered,
            "inquiryPayment" => (await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, "pr-1"))).Answered,
            "refund" => (await client.RefundAsync(new RefundRequest("rr-1", "pid-1", new AntomAmount("USD", "100")))).Answered,
            _ => (await client.InquiryRefundAsync(new InquiryRefundRequest("rr-1", null))).Answered,
        };

        Assert.True(answered);
        Assert.Equal(expectedPath, antom.Single.Path);
        Assert.True(antom.Single.SignatureValid, "the signature must cover the rewritten sandbox path");
    }

    [Fact]
    public async Task RefundAsync_PostsSignedCamelCaseBodyWithoutNullMembers_ToTheRefundPath()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        await client.RefundAsync(new RefundRequest("rr-1", "pid-1", new AntomAmount("USD", "100"), RefundReason: "late"));

        Assert.Equal("/ams/api/v1/payments/refund", antom.Single.Path);
        Assert.Equal("{\"refundRequestId\":\"rr-1\",\"paymentId\":\"pid-1\",\"refundAmount\":{\"currency\":\"USD\",\"value\":\"100\"},\"refundReason\":\"late\"}", antom.Single.BodyText);
        Assert.True(antom.Single.SignatureValid);
    }

    [Theory]
    [InlineData("rr 1", "pid-1", "USD", "100", "refundRequestId")]
    [InlineData("rr-1", "", "USD", "100", "paymentId")]
    [InlineData("rr-1", "pid-1", "usd", "100", "refundAmount.currency")]
    [InlineData("rr-1", "pid-1", "USD", "000", "refundAmount.value")]
    [InlineData("rr-1", "pid-1", "USD", "1e3", "refundAmount.value")]
    public async Task RefundAsync_NotAntomsShape_ThrowsArgumentExceptionNamingTheFieldAndSendsNothing(string refundRequestId, string paymentId, string currency, string value, string field)
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.RefundAsync(new RefundRequest(refundRequestId, paymentId, new AntomAmount(currency, value))));

        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Empty(antom.Requests);
    }

    [Fact]
    public async Task CancelAsync_OnlyPaymentRequestId_BodyHasNoNullMembers()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal("{\"paymentRequestId\":\"pr-1\"}", antom.Single.BodyText);
    }

    [Fact]
    public async Task CancelAsync_BothIds_BodyCarriesBothCamelCase()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        await client.CancelAsync(new CancelRequest("pid-1", "pr-1"));

        Assert.Equal("{\"paymentId\":\"pid-1\",\"paymentRequestId\":\"pr-1\"}", antom.Single.BodyText);
        Assert.True(antom.Single.SignatureValid);
    }

    [Fact]
    public async Task CancelAsync_NonAsciiId_SignedBytesAreSentBytes()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        await client.CancelAsync(new CancelRequest(null, "prü-€-1"));

        Assert.True(antom.Single.SignatureValid);
        Assert.Equal("prü-€-1", System.Text.Json.JsonDocument.Parse(antom.Single.Body).RootElement.GetProperty("paymentRequestId").GetString());
    }

    [Fact]
    public async Task CancelAsync_RequestTime_IsEpochMillisecondsOfTheClock()
    {
        var now = new DateTimeOffset(2025, 11, 26, 10, 0, 0, 123, TimeSpan.Zero);
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl, time: new FixedTimeProvider(now));

        await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), antom.Single.RequestTime);
    }

    [Fact]
    public async Task CancelAsync_SystemClock_RequestTimeIsCurrentEpochMilliseconds()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await client.CancelAsync(new CancelRequest(null, "pr-1"));

        var sent = long.Parse(antom.Single.RequestTime!, NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(sent, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task CancelAsync_ContentType_IsJsonUtf8()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal("application/json; charset=UTF-8", antom.Single.ContentType);
    }

    [Fact]
    public async Task CancelAsync_MerchantAccountIdOption_FilledInWhenRequestHasNone()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl, merchantAccountId: "acct-9");

        await client.CancelAsync(new CancelRequest(null, "pr-1"));
        await client.CancelAsync(new CancelRequest(null, "pr-2", "acct-own"));

        var bodies = antom.Requests.Select(r => r.BodyText).ToList();
        Assert.Equal("{\"paymentRequestId\":\"pr-1\",\"merchantAccountId\":\"acct-9\"}", bodies[0]);
        Assert.Equal("{\"paymentRequestId\":\"pr-2\",\"merchantAccountId\":\"acct-own\"}", bodies[1]);
    }

    [Fact]
    public async Task CancelAsync_GatewayUrlWithTrailingSlash_NoDoubleSlash()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(new Uri(antom.BaseUrl.ToString().TrimEnd('/') + "/"));

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.True(call.Answered);
        Assert.Equal("/ams/api/v1/payments/cancel", antom.Single.Path);
    }

    [Fact]
    public async Task CancelAsync_ConcurrentCalls_AllSignedAndVerified()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        var calls = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.CancelAsync(new CancelRequest(null, $"pr-{i}"))));

        Assert.All(calls, c => Assert.True(c.Answered, c.Detail));
        Assert.Equal(24, antom.Requests.Count);
        Assert.All(antom.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public void Constructor_GarbageMerchantKey_ThrowsNamingSettingWithoutKeyText()
    {
        var options = new AntomClientOptions
        {
            GatewayUrl = "http://127.0.0.1:9",
            ClientId = ClientFactory.ProductionClientId,
            MerchantPrivateKey = "THIS-IS-NOT-A-KEY-abcdef",
            AntomPublicKey = TestKeys.AntomPublicPem,
        };

        var e = Assert.Throws<CancelWorkflows.Antom.Signing.AntomKeyException>(() => new AntomClient(
            new HttpClient(),
            Microsoft.Extensions.Options.Options.Create(options),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AntomClient>.Instance));

        Assert.Contains("Antom:MerchantPrivateKey", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("THIS-IS-NOT-A-KEY", e.ToString(), StringComparison.Ordinal);
    }
}
