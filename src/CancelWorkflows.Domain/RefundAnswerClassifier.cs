namespace CancelWorkflows.Domain;

/// <summary>Turns a refund answer into what comes next (RF1–RF6). Never says "refunded" without an S.</summary>
public static class RefundAnswerClassifier
{
    /// <summary>Classifies Antom's <c>result.resultStatus</c> and <c>result.resultCode</c> (both compared ignoring case).</summary>
    /// <remarks>
    /// A known code decides (<see cref="RefundResultCodes.Table"/>), except that SUCCESS counts only with status S. An unknown
    /// code follows its status: S refunded, F rejected (other), U unknown. A missing or unrecognised status is unknown: resending
    /// the same refundRequestId is safe (Antom never refunds one twice), believing a wrong "refunded" is not.
    /// </remarks>
    public static RefundAnswerClassification Classify(string? resultStatus, string? resultCode)
    {
        string? status = resultStatus?.Trim().ToUpperInvariant();
        string? code = string.IsNullOrWhiteSpace(resultCode) ? null : resultCode.Trim();

        if (code is not null && RefundResultCodes.Table.TryGetValue(code, out RefundResultCode? row))
        {
            if (row.Kind == RefundAnswerKind.Refunded && status != "S")
            {
                return Unknown(resultStatus, resultCode, $"{row.Code} arrived with resultStatus '{resultStatus ?? "(missing)"}', not S: not trusted as refunded");
            }

            return new RefundAnswerClassification(row.Kind, row.Rejection, resultStatus, resultCode, row.Rule, row.Advice, row.Retry)
            {
                Detail = $"{row.Meaning} ({row.Source})",
            };
        }

        string codeText = code ?? "(missing)";
        return status switch
        {
            "S" => new RefundAnswerClassification(RefundAnswerKind.Refunded, null, resultStatus, resultCode, RefundRules.RF6, null, false)
            {
                Detail = $"resultStatus S with code {codeText}: refunded",
            },
            "F" => new RefundAnswerClassification(RefundAnswerKind.Rejected, RefundRejection.Other, resultStatus, resultCode, RefundRules.RF1, RefundAdvice.InspectResultCode, false)
            {
                Detail = $"resultStatus F with code {codeText}, not in the refund code table",
            },
            "U" => Unknown(resultStatus, resultCode, $"resultStatus U with code {codeText}: outcome unknown"),
            null => Unknown(resultStatus, resultCode, $"resultStatus missing (code {codeText}): outcome unknown"),
            _ => Unknown(resultStatus, resultCode, $"resultStatus '{resultStatus}' is not S, F or U (code {codeText}): outcome unknown"),
        };
    }

    /// <summary>
    /// No usable answer: timeout, HTTP 5xx, dropped connection, or an answer whose signature does not verify. As for U, the
    /// same request goes again with the same refundRequestId (RF1). ResultStatus and ResultCode stay null.
    /// </summary>
    public static RefundAnswerClassification NoAnswer(string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return Unknown(null, null, $"no answer: {detail}");
    }

    private static RefundAnswerClassification Unknown(string? resultStatus, string? resultCode, string detail) =>
        new(RefundAnswerKind.Unknown, null, resultStatus, resultCode, RefundRules.RF1, RefundAdvice.ResendSameRequest, Retry: true) { Detail = detail };
}
