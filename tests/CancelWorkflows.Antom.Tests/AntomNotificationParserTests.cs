using System.Text;
using System.Text.Json;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Antom.Tests;

/// <summary>notifyPayment / notifyRefund bodies (docs/antom-api.md §4) and the acknowledgement bodies.</summary>
public sealed class AntomNotificationParserTests
{
    private const string SuccessResult = "\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}";

    [Fact]
    public void Parse_PaymentResult_PaymentWithIdsAmountAndResult()
    {
        var parsed = Parse(
            "{\"notifyType\":\"PAYMENT_RESULT\"," + SuccessResult + ",\"paymentRequestId\":\"pr-1\",\"paymentId\":\"pid-1\","
            + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"100\"},\"paymentCreateTime\":\"2025-11-26T10:00:00+08:00\","
            + "\"paymentTime\":\"2025-11-26T10:01:00+08:00\",\"paymentMethodType\":\"ALIPAY_CN\",\"acquirerReferenceNo\":\"x\"}");

        Assert.True(parsed.Ok, parsed.Reason);
        Assert.Equal(NotificationKind.Payment, parsed.Kind);
        Assert.Null(parsed.Refund);
        var payment = parsed.Payment!;
        Assert.Equal(NotifyTypes.PaymentResult, payment.NotifyType);
        Assert.Equal("S", payment.Result!.ResultStatus);
        Assert.Equal("pr-1", payment.PaymentRequestId);
        Assert.Equal("pid-1", payment.PaymentId);
        Assert.Equal(new AntomAmount("USD", "100"), payment.PaymentAmount);
        Assert.Equal("2025-11-26T10:01:00+08:00", payment.PaymentTime);
        Assert.Equal("ALIPAY_CN", payment.PaymentMethodType);
    }

    [Fact]
    public void Parse_PaymentResultFailed_KeepsFStatus()
    {
        var parsed = Parse("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"USER_BALANCE_NOT_ENOUGH\",\"resultStatus\":\"F\"},\"paymentId\":\"pid-1\"}");

        Assert.True(parsed.Ok, parsed.Reason);
        Assert.Equal("F", parsed.Payment!.Result!.ResultStatus);
        Assert.Equal("USER_BALANCE_NOT_ENOUGH", parsed.Payment.Result.ResultCode);
    }

    [Fact]
    public void Parse_PaymentPending_PaymentKind()
    {
        var parsed = Parse("{\"notifyType\":\"PAYMENT_PENDING\"," + SuccessResult + ",\"paymentRequestId\":\"pr-2\"}");

        Assert.True(parsed.Ok, parsed.Reason);
        Assert.Equal(NotificationKind.Payment, parsed.Kind);
        Assert.Equal(NotifyTypes.PaymentPending, parsed.Payment!.NotifyType);
        Assert.Null(parsed.Payment.PaymentId);
    }

    [Fact]
    public void Parse_RefundResult_RefundWithStatusAndAmount()
    {
        var parsed = Parse(
            "{\"notifyType\":\"REFUND_RESULT\"," + SuccessResult + ",\"refundStatus\":\"SUCCESS\",\"refundRequestId\":\"rr-1\","
            + "\"refundId\":\"rf-1\",\"refundAmount\":{\"currency\":\"USD\",\"value\":\"100\"},\"refundTime\":\"2025-11-26T11:00:00+08:00\","
            + "\"paymentRequestId\":\"pr-1\"}");

        Assert.True(parsed.Ok, parsed.Reason);
        Assert.Equal(NotificationKind.Refund, parsed.Kind);
        Assert.Null(parsed.Payment);
        var refund = parsed.Refund!;
        Assert.Equal("SUCCESS", refund.RefundStatus);
        Assert.Equal("rf-1", refund.RefundId);
        Assert.Equal("rr-1", refund.RefundRequestId);
        Assert.Equal(new AntomAmount("USD", "100"), refund.RefundAmount);
        Assert.Equal("pr-1", refund.PaymentRequestId);
    }

    [Fact]
    public void Parse_RefundResult_TheDocumentedBody_WithoutPaymentIds_ParsesAndKeepsTheRefundFields()
    {
        // Exactly the members docs.antom.com/ac/ams/notify_refund lists: no payment ids; settlement members ignored.
        var parsed = Parse(
            "{\"notifyType\":\"REFUND_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
            + "\"refundStatus\":\"SUCCESS\",\"refundRequestId\":\"rr-9\",\"refundId\":\"2026031012000000000000000009\","
            + "\"refundAmount\":{\"currency\":\"USD\",\"value\":\"300\"},\"refundTime\":\"2026-03-10T12:00:00+08:00\","
            + "\"grossSettlementAmount\":{\"currency\":\"USD\",\"value\":\"300\"},\"settlementQuote\":{\"quoteId\":\"q-1\",\"quotePrice\":\"1.0\"}}");

        Assert.True(parsed.Ok, parsed.Reason);
        Assert.Equal(
            new RefundNotification(NotifyTypes.RefundResult, AntomResult.Success, "SUCCESS", "rr-9", "2026031012000000000000000009", new AntomAmount("USD", "300"), "2026-03-10T12:00:00+08:00", null, null),
            parsed.Refund);
    }

    [Fact]
    public void Parse_RefundResult_FailedRefundWithoutRefundTime_ParsesWithItsStatus()
    {
        var parsed = Parse(
            "{\"notifyType\":\"REFUND_RESULT\",\"result\":{\"resultCode\":\"PROCESS_FAIL\",\"resultStatus\":\"F\",\"resultMessage\":\"failed\"},"
            + "\"refundStatus\":\"FAIL\",\"refundRequestId\":\"rr-9\",\"refundId\":\"rf-9\",\"refundAmount\":{\"currency\":\"USD\",\"value\":\"300\"}}");

        Assert.True(parsed.Ok, parsed.Reason);
        Assert.Equal(("FAIL", "F", (string?)null), (parsed.Refund!.RefundStatus, parsed.Refund.Result?.ResultStatus, parsed.Refund.RefundTime));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[{\"notifyType\":\"PAYMENT_RESULT\"}]")]
    [InlineData("{\"notifyType\":\"PAYMENT_RESULT\",")]
    [InlineData("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultStatus\":\"S\"},\"paymentId\":42}")]
    [InlineData("{\"notifyType\":\"REFUND_RESULT\",\"result\":{\"resultStatus\":\"S\"},\"refundAmount\":\"100\",\"refundId\":\"rf-1\"}")]
    public void Parse_MalformedJson_MalformedJsonError(string body)
    {
        var parsed = Parse(body);

        Assert.False(parsed.Ok);
        Assert.Equal(NotificationParseError.MalformedJson, parsed.Error);
        Assert.Null(parsed.Kind);
        Assert.False(string.IsNullOrEmpty(parsed.Reason));
    }

    [Theory]
    [InlineData("{\"notifyType\":\"PAYMENT_RESULT\",\"paymentId\":\"pid-1\"}")]
    [InlineData("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\"},\"paymentId\":\"pid-1\"}")]
    [InlineData("{\"notifyType\":\"REFUND_RESULT\",\"refundId\":\"rf-1\"}")]
    public void Parse_NoResultStatus_MalformedJsonError(string body) =>
        Assert.Equal(NotificationParseError.MalformedJson, Parse(body).Error);

    [Theory]
    [InlineData("{\"notifyType\":\"OFFLINE_PAYMENT_CODE\"," + SuccessResult + ",\"paymentId\":\"pid-1\"}")]
    [InlineData("{\"notifyType\":\"CAPTURE_RESULT\"," + SuccessResult + ",\"paymentId\":\"pid-1\"}")]
    [InlineData("{\"notifyType\":\"payment_result\"," + SuccessResult + ",\"paymentId\":\"pid-1\"}")]
    [InlineData("{" + SuccessResult + ",\"paymentId\":\"pid-1\"}")]
    [InlineData("{\"notifyType\":7," + SuccessResult + ",\"paymentId\":\"pid-1\"}")]
    public void Parse_UnknownOrMissingNotifyType_UnknownNotifyTypeError(string body)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationParseError.UnknownNotifyType, parsed.Error);
        Assert.Null(parsed.Payment);
    }

    [Theory]
    [InlineData("{\"notifyType\":\"PAYMENT_RESULT\"," + SuccessResult + "}")]
    [InlineData("{\"notifyType\":\"PAYMENT_RESULT\"," + SuccessResult + ",\"paymentRequestId\":\"\",\"paymentId\":\" \"}")]
    [InlineData("{\"notifyType\":\"REFUND_RESULT\"," + SuccessResult + ",\"refundStatus\":\"SUCCESS\",\"paymentId\":\"pid-1\"}")]
    public void Parse_NoIdsToRouteBy_MissingIdsError(string body)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationParseError.MissingIds, parsed.Error);
        Assert.False(parsed.Ok);
    }

    [Fact]
    public void AckSuccessBody_IsAntomsFixedAcknowledgement()
    {
        Assert.Equal("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}", AntomNotificationAck.SuccessBody);
        var result = JsonDocument.Parse(AntomNotificationAck.SuccessBody).RootElement.GetProperty("result");
        Assert.Equal("S", result.GetProperty("resultStatus").GetString());
    }

    [Fact]
    public void AckFailureBody_IsJsonResultThatIsNotSuccess()
    {
        var result = JsonDocument.Parse(AntomNotificationAck.FailureBody).RootElement.GetProperty("result");

        Assert.NotEqual("S", result.GetProperty("resultStatus").GetString());
        Assert.NotEqual(AntomNotificationAck.SuccessBody, AntomNotificationAck.FailureBody);
    }

    private static ParsedNotification Parse(string body) => AntomNotificationParser.Parse(Encoding.UTF8.GetBytes(body));
}
