using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

/// <summary>Refund answers, table by table (RF1–RF6): Refunded only with S, Rejected(kind) by the code, Unknown otherwise.</summary>
public class RefundAnswerClassifierTests
{
    public static TheoryData<string, RefundRejection, string, string> Refusals => new()
    {
        { "REFUND_WINDOW_EXCEED", RefundRejection.WindowExceeded, "RF3", RefundAdvice.RefundOutsideAntom },
        { "REFUND_AMOUNT_EXCEED", RefundRejection.AmountExceeded, "RF2", RefundAdvice.CheckAmount },
        { "CURRENCY_NOT_SUPPORT", RefundRejection.CurrencyMismatch, "RF2", RefundAdvice.CheckAmount },
        { "PAYMENT_METHOD_NOT_SUPPORTED", RefundRejection.MethodNotRefundable, "RF4", RefundAdvice.RefundOutsideAntom },
        { "REFUND_NOT_SUPPORTED", RefundRejection.MethodNotRefundable, "RF4", RefundAdvice.RefundOutsideAntom },
        { "PARTIAL_REFUND_NOT_SUPPORTED", RefundRejection.PartialRefundNotSupported, "RF4", RefundAdvice.CheckAmount },
        { "ORDER_STATUS_INVALID", RefundRejection.PaymentNotRefundable, "RF5", RefundAdvice.CheckPayment },
        { "ORDER_IS_CANCELED", RefundRejection.PaymentCancelled, "RF5", RefundAdvice.CheckPayment },
        { "ORDER_NOT_EXIST", RefundRejection.PaymentNotFound, "RF1", RefundAdvice.CheckPayment },
        { "MERCHANT_BALANCE_NOT_ENOUGH", RefundRejection.MerchantBalanceInsufficient, "RF2", RefundAdvice.TopUpBalance },
        { "INVALID_SIGNATURE", RefundRejection.ConfigurationError, "RF1", RefundAdvice.CheckConfiguration },
        { "CLIENT_INVALID", RefundRejection.ConfigurationError, "RF1", RefundAdvice.CheckConfiguration },
        { "ACCESS_DENIED", RefundRejection.ConfigurationError, "RF1", RefundAdvice.CheckConfiguration },
        { "KEY_NOT_FOUND", RefundRejection.ConfigurationError, "RF1", RefundAdvice.CheckConfiguration },
        { "PARAM_ILLEGAL", RefundRejection.ConfigurationError, "RF1", RefundAdvice.CheckConfiguration },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Classify_RF_KnownRefusalWithStatusF_IsRejectedWithItsKind_NeverRetried(string code, RefundRejection rejection, string rule, string advice)
    {
        RefundAnswerClassification result = RefundAnswerClassifier.Classify("F", code);

        Assert.Equal(new RefundAnswerClassification(RefundAnswerKind.Rejected, rejection, "F", code, rule, advice, false) { Detail = result.Detail }, result);
        Assert.EndsWith($"({RefundResultCodes.Table[code].Source})", result.Detail, StringComparison.Ordinal); // where it is documented, or that it is not
    }

    [Theory]
    [InlineData("S", "SUCCESS")]
    [InlineData("s", "success")]
    [InlineData(" S ", "SUCCESS")]
    [InlineData("S", "SOMETHING_NEW")]
    [InlineData("S", null)]
    public void Classify_RF6_StatusS_IsRefunded(string status, string? code)
    {
        RefundAnswerClassification result = RefundAnswerClassifier.Classify(status, code);

        Assert.Equal(new RefundAnswerClassification(RefundAnswerKind.Refunded, null, status, code, "RF6", null, false) { Detail = result.Detail }, result);
    }

    [Theory]
    [InlineData(null, "SUCCESS")]
    [InlineData("", "SUCCESS")]
    [InlineData("F", "SUCCESS")]
    [InlineData("U", "SUCCESS")]
    public void Classify_RF1_SuccessCodeWithoutStatusS_IsUnknownNeverRefunded(string? status, string code)
    {
        RefundAnswerClassification result = RefundAnswerClassifier.Classify(status, code);

        Assert.Equal(new RefundAnswerClassification(RefundAnswerKind.Unknown, null, status, code, "RF1", RefundAdvice.ResendSameRequest, true) { Detail = result.Detail }, result);
        Assert.Contains("not trusted", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("U")]
    [InlineData("S")]
    [InlineData("F")]
    [InlineData(null)]
    public void Classify_RF6_RefundInProcess_IsProcessingWhateverTheStatus_AwaitsTheResult(string? status)
    {
        RefundAnswerClassification result = RefundAnswerClassifier.Classify(status, "REFUND_IN_PROCESS");

        Assert.Equal(new RefundAnswerClassification(RefundAnswerKind.Processing, null, status, "REFUND_IN_PROCESS", "RF6", RefundAdvice.AwaitResult, false) { Detail = result.Detail }, result);
    }

    [Theory]
    [InlineData("U", "UNKNOWN_EXCEPTION")]
    [InlineData("F", "UNKNOWN_EXCEPTION")]
    [InlineData("F", "REQUEST_TRAFFIC_EXCEED_LIMIT")]
    [InlineData("U", "SOMETHING_NEW")]
    [InlineData("u", null)]
    [InlineData(null, "SOMETHING_NEW")]
    [InlineData(null, null)]
    [InlineData("X", "SOMETHING_NEW")]
    public void Classify_RF1_UnknownOutcome_ResendsTheSameRequest(string? status, string? code)
    {
        RefundAnswerClassification result = RefundAnswerClassifier.Classify(status, code);

        Assert.Equal((RefundAnswerKind.Unknown, (RefundRejection?)null, true, RefundAdvice.ResendSameRequest), (result.Kind, result.Rejection, result.Retry, result.Advice));
    }

    [Theory]
    [InlineData("F", "SOMETHING_NEW")]
    [InlineData("f", null)]
    public void Classify_RF1_UnknownCodeWithStatusF_IsRejectedOther(string status, string? code)
    {
        RefundAnswerClassification result = RefundAnswerClassifier.Classify(status, code);

        Assert.Equal((RefundAnswerKind.Rejected, RefundRejection.Other, false), (result.Kind, result.Rejection, result.Retry));
    }

    [Theory]
    [InlineData("S", "REFUND_WINDOW_EXCEED", RefundAnswerKind.Rejected)]
    [InlineData("U", "ORDER_IS_CANCELED", RefundAnswerKind.Rejected)]
    [InlineData("S", "UNKNOWN_EXCEPTION", RefundAnswerKind.Unknown)]
    public void Classify_RF_KnownCodeWithUnexpectedStatus_CodeTableDecides(string status, string code, RefundAnswerKind kind)
    {
        Assert.Equal(kind, RefundAnswerClassifier.Classify(status, code).Kind);
    }

    [Fact]
    public void Classify_CodesCompareIgnoringCase()
    {
        Assert.Equal(RefundRejection.WindowExceeded, RefundAnswerClassifier.Classify("f", "refund_window_exceed").Rejection);
    }

    [Fact]
    public void NoAnswer_RF1_IsUnknownWithNothingReceived_AndRetries()
    {
        RefundAnswerClassification result = RefundAnswerClassifier.NoAnswer("HTTP 500");

        Assert.Equal(new RefundAnswerClassification(RefundAnswerKind.Unknown, null, null, null, "RF1", RefundAdvice.ResendSameRequest, true) { Detail = "no answer: HTTP 500" }, result);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void NoAnswer_BlankDetail_Throws(string detail)
    {
        Assert.Throws<ArgumentException>(() => RefundAnswerClassifier.NoAnswer(detail));
    }

    public static TheoryData<string> TableCodes => new(RefundResultCodes.Table.Keys);

    [Theory]
    [MemberData(nameof(TableCodes))]
    public void Table_OnlyUnknownRetries_RejectionsHaveAKind_EveryRowHasASource(string code)
    {
        RefundResultCode row = RefundResultCodes.Table[code];

        Assert.Equal(code, row.Code);
        Assert.Equal(row.Kind == RefundAnswerKind.Unknown, row.Retry);
        Assert.Equal(row.Kind == RefundAnswerKind.Rejected, row.Rejection is not null);
        Assert.Equal(row.Kind != RefundAnswerKind.Refunded, row.Advice is not null);
        Assert.False(string.IsNullOrWhiteSpace(row.Meaning));
        Assert.False(string.IsNullOrWhiteSpace(row.Source));
    }

    [Fact]
    public void Table_RefundSpecificCodes_AreSourcedFromARefundPageOrTheReleaseNotes()
    {
        string[] refundSpecific =
        [
            "SUCCESS", "REFUND_IN_PROCESS", "REFUND_WINDOW_EXCEED", "REFUND_AMOUNT_EXCEED", "CURRENCY_NOT_SUPPORT", "PAYMENT_METHOD_NOT_SUPPORTED",
            "REFUND_NOT_SUPPORTED", "PARTIAL_REFUND_NOT_SUPPORTED", "ORDER_STATUS_INVALID", "ORDER_IS_CANCELED", "MERCHANT_BALANCE_NOT_ENOUGH",
        ];

        Assert.All(refundSpecific, code => Assert.Matches("refund|releasenotes", RefundResultCodes.Table[code].Source));
        Assert.All(
            RefundResultCodes.Table.Values.Where(row => !refundSpecific.Contains(row.Code)),
            row => Assert.Contains("NOT VERIFIED", row.Source, StringComparison.Ordinal));
    }
}
