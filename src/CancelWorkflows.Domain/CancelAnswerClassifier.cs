namespace CancelWorkflows.Domain;

/// <summary>Turns a cancel answer into what the workflow does next (A3, A4). Never says "cancelled" without an S.</summary>
public static class CancelAnswerClassifier
{
    /// <summary>Classifies Antom's <c>result.resultStatus</c> and <c>result.resultCode</c> (both compared ignoring case).</summary>
    /// <remarks>
    /// U is unknown whatever code comes with it: Antom documents U as "resend the same request" (A3), and no Antom source
    /// says a U carrying a final code (e.g. CANCEL_WINDOW_EXCEED) is final; resending is safe, a wrong "not cancellable" is
    /// not. Otherwise a known code decides (see <see cref="CancelResultCodes.Table"/>), except that SUCCESS counts only with
    /// status S. An unknown code follows its status: S cancelled, F rejected. A missing or unrecognised status is unknown,
    /// never cancelled: resending the same request is safe, believing a wrong "cancelled" is not.
    /// </remarks>
    public static CancelAnswerClassification Classify(string? resultStatus, string? resultCode)
    {
        string? status = resultStatus?.Trim().ToUpperInvariant();
        string? code = string.IsNullOrWhiteSpace(resultCode) ? null : resultCode.Trim();

        if (status == "U" && code is not null && CancelResultCodes.Table.TryGetValue(code, out CancelResultCode? final)
            && final.Kind is not (CancelAnswerKind.Unknown or CancelAnswerKind.Cancelled))
        {
            return Unknown(resultStatus, resultCode, $"resultStatus U with the final code {final.Code}: U means resend the same request (A3), the code is not trusted as final");
        }

        if (code is not null && CancelResultCodes.Table.TryGetValue(code, out CancelResultCode? row))
        {
            if (row.Kind == CancelAnswerKind.Cancelled && status != "S")
            {
                return Unknown(resultStatus, resultCode, $"{row.Code} arrived with resultStatus '{resultStatus ?? "(missing)"}', not S: not trusted as cancelled");
            }

            return new CancelAnswerClassification(row.Kind, resultStatus, resultCode, row.Rule, row.Advice, row.Retry) { Detail = row.Meaning };
        }

        string codeText = code ?? "(missing)";
        return status switch
        {
            "S" => new CancelAnswerClassification(CancelAnswerKind.Cancelled, resultStatus, resultCode, CancelRules.A3, null, false)
            {
                Detail = $"resultStatus S with code {codeText}: cancelled",
            },
            "F" => new CancelAnswerClassification(CancelAnswerKind.Rejected, resultStatus, resultCode, CancelRules.A3, CancelAdvice.InspectResultCode, false)
            {
                Detail = $"resultStatus F with code {codeText}, not in the cancel code table",
            },
            "U" => Unknown(resultStatus, resultCode, $"resultStatus U with code {codeText}: outcome unknown"),
            null => Unknown(resultStatus, resultCode, $"resultStatus missing (code {codeText}): outcome unknown"),
            _ => Unknown(resultStatus, resultCode, $"resultStatus '{resultStatus}' is not S, F or U (code {codeText}): outcome unknown"),
        };
    }

    /// <summary>
    /// No usable answer: timeout, HTTP 5xx, dropped connection, or an answer whose signature does not verify. Antom's rule
    /// for "no response" is to resend the same request, exactly as for U. ResultStatus and ResultCode stay null (nothing
    /// was received), and <paramref name="detail"/> says what happened.
    /// </summary>
    public static CancelAnswerClassification NoAnswer(string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return Unknown(null, null, $"no answer: {detail}");
    }

    private static CancelAnswerClassification Unknown(string? resultStatus, string? resultCode, string detail) =>
        new(CancelAnswerKind.Unknown, resultStatus, resultCode, CancelRules.A3, CancelAdvice.ResendSameRequest, Retry: true) { Detail = detail };
}
