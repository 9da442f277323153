namespace CancelWorkflows.Service.Api;

/// <summary>What the API refuses before anything is started (A2: ids Antom would accept; every field bounded).</summary>
public static class StartCancellationValidation
{
    /// <summary>Antom's limit for <c>paymentRequestId</c> and <c>paymentId</c>.</summary>
    public const int MaxIdLength = 64;

    public const int MaxReasonLength = 256;

    public const int MaxBookingRefLength = 64;

    public const int MaxMerchantLength = 64;

    public const int MaxCallbackUrlLength = 1024;

    /// <summary>The fields of the body, as they are spelled on the wire.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["paymentRequestId", "paymentId", "reason", "bookingRef", "merchant", "callbackUrl", "notBefore"];

    /// <summary>Errors by field (camelCase, as in the body); empty when the body is acceptable.</summary>
    public static Dictionary<string, string[]> Validate(StartCancellationBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.PaymentRequestId) && string.IsNullOrWhiteSpace(body.PaymentId))
        {
            errors["paymentRequestId"] = ["A2: give paymentRequestId or paymentId (or both)."];
        }

        Text(errors, "paymentRequestId", body.PaymentRequestId, MaxIdLength, "A2: ");
        Text(errors, "paymentId", body.PaymentId, MaxIdLength, "A2: ");
        Text(errors, "reason", body.Reason, MaxReasonLength);
        SearchableText(errors, "bookingRef", body.BookingRef, MaxBookingRefLength);
        SearchableText(errors, "merchant", body.Merchant, MaxMerchantLength);

        if (!string.IsNullOrWhiteSpace(body.CallbackUrl))
        {
            var url = body.CallbackUrl.Trim();
            if (url.Length > MaxCallbackUrlLength)
            {
                errors["callbackUrl"] = [$"At most {MaxCallbackUrlLength} characters."];
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var callback)
                || (callback.Scheme != Uri.UriSchemeHttp && callback.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(callback.Host))
            {
                errors["callbackUrl"] = ["Must be an absolute http:// or https:// URL."];
            }
        }

        return errors;
    }

    /// <summary>True when the value could be a searchable keyword: printable, no quotes or backslashes (so list filters can
    /// always find it).</summary>
    public static bool IsSearchable(string value) =>
        !string.IsNullOrEmpty(value) && value.All(c => !char.IsControl(c) && c is not '\'' and not '"' and not '\\' and not '`');

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, string rule = "")
    {
        if (value is null || errors.ContainsKey(field))
        {
            return;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            errors[field] = [$"{rule}At most {max} characters."];
        }
        else if (trimmed.Any(char.IsControl))
        {
            errors[field] = [$"{rule}Control characters are not allowed."];
        }
    }

    private static void SearchableText(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        Text(errors, field, value, max);
        if (!errors.ContainsKey(field) && !string.IsNullOrWhiteSpace(value) && !IsSearchable(value.Trim()))
        {
            errors[field] = ["Quotes, backquotes and backslashes are not allowed (the value is a search attribute)."];
        }
    }
}
