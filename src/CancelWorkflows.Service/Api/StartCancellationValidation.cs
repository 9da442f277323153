using CancelWorkflows.Contracts;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Api;

/// <summary>What the API refuses before anything is started (A2: ids Antom would accept, each naming one workflow; every field
/// bounded; ids of visible characters only, <see cref="IdText"/>).</summary>
public static class StartCancellationValidation
{
    /// <summary>Antom's limit for <c>paymentRequestId</c> and <c>paymentId</c>.</summary>
    public const int MaxIdLength = 64;

    public const int MaxReasonLength = 256;

    public const int MaxBookingRefLength = 64;

    public const int MaxMerchantLength = 64;

    public const int MaxCallbackUrlLength = 1024;

    /// <summary>The body as the validation and the workflow take it: blanks as null; text fields trimmed, ids of plain spaces
    /// only (so the validation sees any other whitespace around an id and refuses it).</summary>
    public static StartCancellationRequest Normalize(StartCancellationRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body with
        {
            PaymentRequestId = Id(body.PaymentRequestId),
            PaymentId = Id(body.PaymentId),
            Reason = Text(body.Reason),
            BookingRef = Id(body.BookingRef),
            Merchant = Id(body.Merchant),
            CallbackUrl = Text(body.CallbackUrl),
            // Kept when "none": spelled out, it overrides a caller's or merchant's default fallback.
            Fallback = Text(body.Fallback),
            AntomMerchant = Id(body.AntomMerchant),
        };
    }

    /// <summary>Errors by field (camelCase, as in the body); empty when the (normalized) body is acceptable.</summary>
    public static Dictionary<string, string[]> Validate(StartCancellationRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.PaymentRequestId) && string.IsNullOrWhiteSpace(body.PaymentId))
        {
            errors["paymentRequestId"] = ["A2: give paymentRequestId or paymentId (or both)."];
        }

        Id(errors, "paymentRequestId", body.PaymentRequestId, MaxIdLength, "A2: ");
        if (!errors.ContainsKey("paymentRequestId") && PaymentRequestIdProblem(body.PaymentRequestId) is { } reserved)
        {
            errors["paymentRequestId"] = [reserved];
        }

        Id(errors, "paymentId", body.PaymentId, MaxIdLength, "A2: ");
        Text(errors, "reason", body.Reason, MaxReasonLength);
        SearchableId(errors, "bookingRef", body.BookingRef, MaxBookingRefLength);
        SearchableId(errors, "merchant", body.Merchant, MaxMerchantLength);
        SearchableId(errors, "antomMerchant", body.AntomMerchant, MaxMerchantLength);

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

        if (body.Fallback is { } fallback && !CancellationFallbacks.All.Contains(fallback, StringComparer.Ordinal))
        {
            errors["fallback"] = [$"Unknown fallback '{Shown(fallback)}'; one of: {string.Join(", ", CancellationFallbacks.All)} (or leave it out)."];
        }

        return errors;
    }

    /// <summary>
    /// Null, or why this paymentRequestId cannot name a workflow: <c>cancel-pid-…</c> is the id of a cancellation started
    /// with Antom's paymentId (<see cref="CancelWorkflowIds"/>), so a paymentRequestId <c>pid-X</c> would find or start the
    /// cancellation of the payment whose paymentId is X. Case matters (workflow ids are case-sensitive): <c>PID-X</c> is fine.
    /// </summary>
    public static string? PaymentRequestIdProblem(string? paymentRequestId) =>
        CancelWorkflowIds.IsReservedPaymentRequestId(paymentRequestId)
            ? $"A2: a paymentRequestId may not start with '{CancelWorkflowIds.PaymentIdPrefix}' (its workflow id would be that of the " +
                $"cancellation of the payment whose Antom paymentId follows the prefix); cancel this payment by its paymentId instead."
            : null;

    /// <summary>True when the value could be a searchable keyword: printable, no quotes or backslashes (so list filters can
    /// always find it).</summary>
    public static bool IsSearchable(string value) =>
        !string.IsNullOrEmpty(value) && value.All(c => !char.IsControl(c) && c is not '\'' and not '"' and not '\\' and not '`');

    /// <summary>A refused value as the problem quotes it: bounded, so a huge body is not echoed back.</summary>
    private static string Shown(string value) => value.Length <= 32 ? value : value[..32] + "…";

    private static string? Id(string? value) => value?.Trim(' ') is { Length: > 0 } id ? id : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is null || errors.ContainsKey(field))
        {
            return;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
        }
        else if (trimmed.Any(char.IsControl))
        {
            errors[field] = ["Control characters are not allowed."];
        }
    }

    /// <summary>An id: bounded, and of visible characters only (anywhere, its ends included).</summary>
    private static void Id(Dictionary<string, string[]> errors, string field, string? value, int max, string rule = "")
    {
        if (value is null || errors.ContainsKey(field))
        {
            return;
        }

        if (value.Length > max)
        {
            errors[field] = [$"{rule}At most {max} characters."];
        }
        else if (IdText.Problem(value) is { } problem)
        {
            errors[field] = [rule + problem];
        }
    }

    private static void SearchableId(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        Id(errors, field, value, max);
        if (!errors.ContainsKey(field) && !string.IsNullOrWhiteSpace(value) && !IsSearchable(value.Trim()))
        {
            errors[field] = ["Quotes, backquotes and backslashes are not allowed (the value is a search attribute)."];
        }
    }
}
