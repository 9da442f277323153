using CancelWorkflows.Domain;

namespace CancelWorkflows.Domain.Tests;

public class CancelAnswerClassifierTests
{
    public static TheoryData<string, CancelAnswerKind, string?, string?, bool> FailureCodes => new()
    {
        { "CANCEL_WINDOW_EXCEED", CancelAnswerKind.WindowExceeded, "W1-W5", CancelAdvice.RefundInstead, false },
        { "PROCESS_FAIL", CancelAnswerKind.AlreadyRefunded, "N1", CancelAdvice.AlreadyRefunded, false },
        { "ORDER_NOT_EXIST", CancelAnswerKind.NotFound, "A2", CancelAdvice.CheckPaymentIdentifiers, false },
        { "ORDER_STATUS_INVALID", CancelAnswerKind.Rejected, "A3", CancelAdvice.InspectResultCode, false },
        { "INVALID_SIGNATURE", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "KEY_NOT_FOUND", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "CLIENT_INVALID", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "ACCESS_DENIED", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "INVALID_CLIENT_STATUS", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "PARAM_ILLEGAL", CancelAnswerKind.ConfigurationError, "A2", CancelAdvice.CheckConfiguration, false },
        { "MEDIA_TYPE_NOT_ACCEPTABLE", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "INVALID_API", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "METHOD_NOT_SUPPORTED", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "NO_INTERFACE_DEF", CancelAnswerKind.ConfigurationError, "A3", CancelAdvice.CheckConfiguration, false },
        { "UNKNOWN_EXCEPTION", CancelAnswerKind.Unknown, "A3", CancelAdvice.ResendSameRequest, true },
        { "REQUEST_TRAFFIC_EXCEED_LIMIT", CancelAnswerKind.Unknown, "A3", CancelAdvice.ResendSameRequest, true },
    };

    [Theory]
    [MemberData(nameof(FailureCodes))]
    public void Classify_A3_KnownCodeWithStatusF_FollowsTheCodeTable(string code, CancelAnswerKind kind, string? rule, string? advice, bool retry)
    {
        CancelAnswerClassification result = CancelAnswerClassifier.Classify("F", code);

        Assert.Equal(new CancelAnswerClassification(kind, "F", code, rule, advice, retry) { Detail = result.Detail }, result);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Theory]
    [InlineData("S", "ORDER_NOT_EXIST", CancelAnswerKind.NotFound)]
    [InlineData(null, "PROCESS_FAIL", CancelAnswerKind.AlreadyRefunded)]
    [InlineData("S", "UNKNOWN_EXCEPTION", CancelAnswerKind.Unknown)]
    [InlineData("F", "REQUEST_TRAFFIC_EXCEED_LIMIT", CancelAnswerKind.Unknown)]
    public void Classify_A3_KnownCodeWithUnexpectedStatus_CodeTableDecides(string? status, string code, CancelAnswerKind kind)
    {
        Assert.Equal(kind, CancelAnswerClassifier.Classify(status, code).Kind);
    }

    /// <summary>Every code of the table that would be final with F (all but SUCCESS and the U codes).</summary>
    public static TheoryData<string> FinalCodes => new(CancelResultCodes.Table.Values
        .Where(row => row.Kind is not (CancelAnswerKind.Unknown or CancelAnswerKind.Cancelled))
        .Select(row => row.Code));

    [Theory]
    [MemberData(nameof(FinalCodes))]
    public void Classify_A3_StatusUWithAFinalCode_IsUnknownAndResent(string code)
    {
        // A3: U means "resend the same request"; no Antom source says a U carrying a final code is final.
        CancelAnswerClassification result = CancelAnswerClassifier.Classify("U", code);

        Assert.Equal(new CancelAnswerClassification(CancelAnswerKind.Unknown, "U", code, "A3", CancelAdvice.ResendSameRequest, true) { Detail = result.Detail }, result);
        Assert.Contains(code, result.Detail, StringComparison.Ordinal);
        Assert.Equal(CancelAnswerKind.Unknown, CancelAnswerClassifier.Classify(" u ", code.ToLowerInvariant()).Kind);
    }

    [Theory]
    [InlineData("S", "SUCCESS")]
    [InlineData("s", "success")]
    [InlineData(" S ", "SUCCESS")]
    [InlineData("S", "SOMETHING_NEW")]
    [InlineData("S", null)]
    public void Classify_A3_StatusS_IsCancelled(string status, string? code)
    {
        CancelAnswerClassification result = CancelAnswerClassifier.Classify(status, code);

        Assert.Equal(new CancelAnswerClassification(CancelAnswerKind.Cancelled, status, code, "A3", null, false) { Detail = result.Detail }, result);
    }

    [Theory]
    [InlineData(null, "SUCCESS")]
    [InlineData("", "SUCCESS")]
    [InlineData("F", "SUCCESS")]
    [InlineData("U", "SUCCESS")]
    [InlineData("SUCCESS", "SUCCESS")]
    public void Classify_A3_SuccessCodeWithoutStatusS_IsUnknownNeverCancelled(string? status, string code)
    {
        CancelAnswerClassification result = CancelAnswerClassifier.Classify(status, code);

        Assert.Equal(new CancelAnswerClassification(CancelAnswerKind.Unknown, status, code, "A3", CancelAdvice.ResendSameRequest, true) { Detail = result.Detail }, result);
        Assert.Contains("not trusted", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F", "SOMETHING_NEW", CancelAnswerKind.Rejected, false)]
    [InlineData("f", "SOMETHING_NEW", CancelAnswerKind.Rejected, false)]
    [InlineData("F", null, CancelAnswerKind.Rejected, false)]
    [InlineData("U", "SOMETHING_NEW", CancelAnswerKind.Unknown, true)]
    [InlineData("u", null, CancelAnswerKind.Unknown, true)]
    [InlineData(null, "SOMETHING_NEW", CancelAnswerKind.Unknown, true)]
    [InlineData(null, null, CancelAnswerKind.Unknown, true)]
    [InlineData("X", "SOMETHING_NEW", CancelAnswerKind.Unknown, true)]
    [InlineData("", "", CancelAnswerKind.Unknown, true)]
    public void Classify_A3_UnknownCode_FollowsItsStatus_MissingStatusIsUnknown(string? status, string? code, CancelAnswerKind kind, bool retry)
    {
        CancelAnswerClassification result = CancelAnswerClassifier.Classify(status, code);

        Assert.Equal((kind, retry, status, code), (result.Kind, result.Retry, result.ResultStatus, result.ResultCode));
    }

    [Fact]
    public void Classify_A3_CodesCompareIgnoringCase()
    {
        Assert.Equal(CancelAnswerKind.WindowExceeded, CancelAnswerClassifier.Classify("f", "cancel_window_exceed").Kind);
        Assert.Equal(CancelAnswerKind.AlreadyRefunded, CancelAnswerClassifier.Classify("F", "Process_Fail").Kind);
    }

    [Fact]
    public void NoAnswer_A3_IsUnknownWithNothingReceived_AndRetries()
    {
        CancelAnswerClassification result = CancelAnswerClassifier.NoAnswer("timeout after 10 s");

        Assert.Equal(new CancelAnswerClassification(CancelAnswerKind.Unknown, null, null, "A3", CancelAdvice.ResendSameRequest, true) { Detail = "no answer: timeout after 10 s" }, result);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void NoAnswer_BlankDetail_Throws(string detail)
    {
        Assert.Throws<ArgumentException>(() => CancelAnswerClassifier.NoAnswer(detail));
    }

    public static TheoryData<string> TableCodes => new(CancelResultCodes.Table.Keys);

    [Theory]
    [MemberData(nameof(TableCodes))]
    public void Table_A3_OnlyUnknownRetries_AndEveryRowExplainsItself(string code)
    {
        CancelResultCode row = CancelResultCodes.Table[code];

        Assert.Equal(code, row.Code);
        Assert.Equal(row.Kind == CancelAnswerKind.Unknown, row.Retry);
        Assert.False(string.IsNullOrWhiteSpace(row.Meaning));
        Assert.Equal(row.Kind != CancelAnswerKind.Cancelled, row.Advice is not null);
    }

    [Fact]
    public void Table_ListsEveryCodeOfTheBrief()
    {
        string[] expected =
        [
            "SUCCESS", "CANCEL_WINDOW_EXCEED", "PROCESS_FAIL", "ORDER_NOT_EXIST", "ORDER_STATUS_INVALID", "UNKNOWN_EXCEPTION",
            "REQUEST_TRAFFIC_EXCEED_LIMIT", "INVALID_SIGNATURE", "KEY_NOT_FOUND", "CLIENT_INVALID", "ACCESS_DENIED",
            "INVALID_CLIENT_STATUS", "PARAM_ILLEGAL", "MEDIA_TYPE_NOT_ACCEPTABLE", "INVALID_API", "METHOD_NOT_SUPPORTED", "NO_INTERFACE_DEF",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), CancelResultCodes.Table.Keys.Order(StringComparer.Ordinal));
    }
}
