namespace CancelWorkflows.Service.Api;

/// <summary>What the API refuses before anything is started (A2: ids Antom would accept).</summary>
public static class StartCancellationValidation
{
    /// <summary>Antom's limit for <c>paymentRequestId</c> and <c>paymentId</c>.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Errors by field (camelCase, as in the body); empty when the body is acceptable.</summary>
    public static Dictionary<string, string[]> Validate(StartCancellationBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.PaymentRequestId) && string.IsNullOrWhiteSpace(body.PaymentId))
        {
            errors["paymentRequestId"] = ["A2: give paymentRequestId or paymentId (or both)."];
        }

        if (body.PaymentRequestId?.Trim().Length > MaxIdLength)
        {
            errors["paymentRequestId"] = [$"A2: at most {MaxIdLength} characters."];
        }

        if (body.PaymentId?.Trim().Length > MaxIdLength)
        {
            errors["paymentId"] = [$"A2: at most {MaxIdLength} characters."];
        }

        if (!string.IsNullOrWhiteSpace(body.CallbackUrl)
            && (!Uri.TryCreate(body.CallbackUrl, UriKind.Absolute, out var callback) || (callback.Scheme != Uri.UriSchemeHttp && callback.Scheme != Uri.UriSchemeHttps)))
        {
            errors["callbackUrl"] = ["Must be an absolute http:// or https:// URL."];
        }

        return errors;
    }
}
