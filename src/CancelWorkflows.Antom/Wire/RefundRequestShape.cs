namespace CancelWorkflows.Antom.Wire;

/// <summary>
/// The shape Antom's refund page gives its request fields (docs/antom-api.md §3): what the client refuses to send and what the
/// simulator answers with PARAM_ILLEGAL. Business rules (amount left, window, method) are Antom's, not checked here.
/// </summary>
public static class RefundRequestShape
{
    public const int MaxIdLength = 64;
    public const int MaxReasonLength = 256;
    public const int MaxNotifyUrlLength = 1024;

    /// <summary>The longest amount value accepted: 18 digits of minor units (far above any real payment).</summary>
    public const int MaxAmountDigits = 18;

    /// <summary>Null when the request has Antom's shape, else the first problem, naming the field.</summary>
    public static string? Problem(RefundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Problem(request.RefundRequestId, request.PaymentId, request.RefundAmount, request.RefundReason, request.ReferenceRefundId, request.RefundNotifyUrl);
    }

    /// <summary>The same check over loose fields (a body as received).</summary>
    public static string? Problem(string? refundRequestId, string? paymentId, AntomAmount? amount, string? reason, string? referenceRefundId, string? notifyUrl) =>
        Id(refundRequestId, "refundRequestId", required: true)
        ?? Id(paymentId, "paymentId", required: true)
        ?? Amount(amount)
        ?? (reason is { Length: > MaxReasonLength } ? $"refundReason is longer than {MaxReasonLength} characters." : null)
        ?? Id(referenceRefundId, "referenceRefundId", required: false)
        ?? NotifyUrl(notifyUrl);

    private static string? Id(string? value, string name, bool required)
    {
        if (value is null)
        {
            return required ? $"{name} is required." : null;
        }

        return value.Length == 0 || value.Length > MaxIdLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? $"{name} must be 1–{MaxIdLength} characters without spaces."
            : null;
    }

    private static string? Amount(AntomAmount? amount)
    {
        if (amount is null)
        {
            return "refundAmount {currency, value} is required.";
        }

        if (amount.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            return "refundAmount.currency must be an ISO 4217 code such as USD.";
        }

        return string.IsNullOrEmpty(amount.Value) || amount.Value.Length > MaxAmountDigits || !amount.Value.All(char.IsAsciiDigit) || amount.Value.All(c => c == '0')
            ? $"refundAmount.value must be a positive whole number of minor units, as a string of at most {MaxAmountDigits} digits."
            : null;
    }

    private static string? NotifyUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        return url.Length > MaxNotifyUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            ? $"refundNotifyUrl must be an absolute http(s) URL of at most {MaxNotifyUrlLength} characters."
            : null;
    }
}
