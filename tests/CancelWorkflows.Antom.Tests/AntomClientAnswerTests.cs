using CancelWorkflows.Antom.Tests.Support;
using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Antom.Tests;

/// <summary>A signed, verified answer is passed through as Antom sent it — S, F and U alike (docs/antom-api.md §1–§3).</summary>
public sealed class AntomClientAnswerTests
{
    [Fact]
    public async Task CancelAsync_AnswerS_PassedThroughUntouched()
    {
        await using var antom = await FakeAntom.AnsweringAsync(
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
            + "\"paymentId\":\"2025112611401080010018800000001\",\"paymentRequestId\":\"pr-1\",\"cancelTime\":\"2025-11-26T12:01:01+08:00\"}");
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.True(call.Answered);
        Assert.Null(call.NoAnswer);
        Assert.Equal(200, call.HttpStatus);
        Assert.Equal(new AntomResult("SUCCESS", "S", "success"), call.Answer.Result);
        Assert.Equal("2025112611401080010018800000001", call.Answer.PaymentId);
        Assert.Equal("pr-1", call.Answer.PaymentRequestId);
        Assert.Equal("2025-11-26T12:01:01+08:00", call.Answer.CancelTime);
    }

    [Theory]
    [InlineData("CANCEL_WINDOW_EXCEED", "F")]
    [InlineData("ORDER_NOT_EXIST", "F")]
    [InlineData("PROCESS_FAIL", "F")]
    [InlineData("UNKNOWN_EXCEPTION", "U")]
    [InlineData("REQUEST_TRAFFIC_EXCEED_LIMIT", "U")]
    public async Task CancelAsync_AnswerForFOrU_PassedThroughWithCodeAndStatus(string code, string status)
    {
        await using var antom = await FakeAntom.AnsweringAsync(
            $"{{\"result\":{{\"resultCode\":\"{code}\",\"resultStatus\":\"{status}\",\"resultMessage\":\"msg {code}\"}}}}");
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest("2025112611401080010018800000001", null));

        Assert.True(call.Answered);
        Assert.Equal(new AntomResult(code, status, $"msg {code}"), call.Answer.Result);
        Assert.Null(call.Answer.CancelTime);
    }

    [Fact]
    public async Task CancelAsync_UnknownResultStatus_PassedThroughRawNeverMappedToSOrF()
    {
        await using var antom = await FakeAntom.AnsweringAsync("{\"result\":{\"resultCode\":\"NEW_CODE\",\"resultStatus\":\"X\"}}");
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.True(call.Answered);
        Assert.Equal("X", call.Answer.Result.ResultStatus);
        Assert.Equal("NEW_CODE", call.Answer.Result.ResultCode);
        Assert.Null(call.Answer.Result.ResultMessage);
    }

    [Fact]
    public async Task CancelAsync_AnswerWithExtraFields_IgnoresThem()
    {
        await using var antom = await FakeAntom.AnsweringAsync(
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},\"somethingNew\":{\"a\":[1,2]},\"paymentRequestId\":\"pr-1\"}");
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.True(call.Answered);
        Assert.Equal("pr-1", call.Answer.PaymentRequestId);
    }

    [Fact]
    public async Task InquiryPaymentAsync_Answer_ParsesPaymentStatusAmountAndTransactions()
    {
        await using var antom = await FakeAntom.AnsweringAsync(
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
            + "\"paymentStatus\":\"SUCCESS\",\"paymentRequestId\":\"pr-7\",\"paymentId\":\"pid-7\","
            + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1999\"},\"paymentTime\":\"2025-11-26T10:00:00+08:00\","
            + "\"paymentMethodType\":\"CARD\",\"transactions\":[{\"transactionType\":\"CAPTURE\",\"transactionStatus\":\"SUCCESS\","
            + "\"transactionId\":\"t-1\",\"transactionAmount\":{\"currency\":\"USD\",\"value\":\"1999\"}}]}");
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.InquiryPaymentAsync(new InquiryPaymentRequest(null, "pr-7"));

        Assert.True(call.Answered);
        Assert.Equal("SUCCESS", call.Answer.PaymentStatus);
        Assert.Equal(new AntomAmount("USD", "1999"), call.Answer.PaymentAmount);
        Assert.Equal("CARD", call.Answer.PaymentMethodType);
        var capture = Assert.Single(call.Answer.Transactions!);
        Assert.Equal("CAPTURE", capture.TransactionType);
        Assert.Equal("SUCCESS", capture.TransactionStatus);
        Assert.Equal("/ams/api/v1/payments/inquiryPayment", antom.Single.Path);
    }

    [Fact]
    public async Task InquiryRefundAsync_Answer_ParsesRefundStatus()
    {
        await using var antom = await FakeAntom.AnsweringAsync(
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
            + "\"refundId\":\"rf-1\",\"refundRequestId\":\"rr-1\",\"refundStatus\":\"PROCESSING\",\"refundAmount\":{\"currency\":\"EUR\",\"value\":\"500\"}}");
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.InquiryRefundAsync(new InquiryRefundRequest("rr-1", null));

        Assert.True(call.Answered);
        Assert.Equal("PROCESSING", call.Answer.RefundStatus);
        Assert.Equal("rf-1", call.Answer.RefundId);
        Assert.Equal(new AntomAmount("EUR", "500"), call.Answer.RefundAmount);
        Assert.Null(call.Answer.RefundTime);
        Assert.Equal("/ams/api/v1/payments/inquiryRefund", antom.Single.Path);
        Assert.Equal("{\"refundRequestId\":\"rr-1\"}", antom.Single.BodyText);
    }
}
