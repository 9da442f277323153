using System.Text.Json;
using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Antom.Notifications;

/// <summary>Which notification it is.</summary>
public enum NotificationKind
{
    /// <summary>notifyPayment: <c>PAYMENT_RESULT</c> or <c>PAYMENT_PENDING</c>.</summary>
    Payment,

    /// <summary>notifyRefund: <c>REFUND_RESULT</c>.</summary>
    Refund,
}

/// <summary>Why a (verified) notification body could not be used.</summary>
public enum NotificationParseError
{
    /// <summary>Not JSON, not an object, a field of the wrong type, or no <c>result</c>.</summary>
    MalformedJson,

    /// <summary><c>notifyType</c> missing or not one we handle (e.g. <c>OFFLINE_PAYMENT_CODE</c>).</summary>
    UnknownNotifyType,

    /// <summary>Nothing to route by: payment without <c>paymentRequestId</c>/<c>paymentId</c>, refund without
    /// <c>refundId</c>/<c>refundRequestId</c>.</summary>
    MissingIds,
}

/// <summary>A parsed notification: exactly one of <see cref="Payment"/> / <see cref="Refund"/> when <see cref="Ok"/>,
/// else <see cref="Error"/> with a <see cref="Reason"/> (no body content beyond the notifyType).</summary>
public sealed record ParsedNotification(
    NotificationKind? Kind,
    PaymentNotification? Payment,
    RefundNotification? Refund,
    NotificationParseError? Error,
    string? Reason)
{
    /// <summary>True when the body was understood.</summary>
    public bool Ok => Error is null;

    /// <summary>A payment notification.</summary>
    public static ParsedNotification Of(PaymentNotification payment) => new(NotificationKind.Payment, payment, null, null, null);

    /// <summary>A refund notification.</summary>
    public static ParsedNotification Of(RefundNotification refund) => new(NotificationKind.Refund, null, refund, null, null);

    /// <summary>A body that cannot be used.</summary>
    public static ParsedNotification Failed(NotificationParseError error, string reason) => new(null, null, null, error, reason);
}

/// <summary>
/// Reads notifyPayment / notifyRefund bodies (docs/antom-api.md §4) into the Wire records. Parse only after the signature was
/// verified: the parser trusts nothing, but it also proves nothing. Status strings are kept raw, never defaulted.
/// </summary>
public static class AntomNotificationParser
{
    /// <summary>Parses a raw notification body.</summary>
    public static ParsedNotification Parse(ReadOnlySpan<byte> body)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body, AntomJson.Options);
        }
        catch (JsonException e)
        {
            return ParsedNotification.Failed(NotificationParseError.MalformedJson, $"body is not JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParsedNotification.Failed(NotificationParseError.MalformedJson, $"body is a JSON {root.ValueKind}, not an object");
        }

        var notifyType = root.TryGetProperty("notifyType", out var nt) && nt.ValueKind == JsonValueKind.String ? nt.GetString() : null;
        try
        {
            switch (notifyType)
            {
                case NotifyTypes.PaymentResult or NotifyTypes.PaymentPending:
                    var payment = root.Deserialize<PaymentNotification>(AntomJson.Options)!;
                    if (MissingResult(payment.Result) is { } noResult)
                    {
                        return noResult;
                    }

                    return IsBlank(payment.PaymentRequestId) && IsBlank(payment.PaymentId)
                        ? ParsedNotification.Failed(NotificationParseError.MissingIds, $"{notifyType} without paymentRequestId and paymentId")
                        : ParsedNotification.Of(payment);

                case NotifyTypes.RefundResult:
                    var refund = root.Deserialize<RefundNotification>(AntomJson.Options)!;
                    if (MissingResult(refund.Result) is { } noRefundResult)
                    {
                        return noRefundResult;
                    }

                    return IsBlank(refund.RefundId) && IsBlank(refund.RefundRequestId)
                        ? ParsedNotification.Failed(NotificationParseError.MissingIds, $"{notifyType} without refundId and refundRequestId")
                        : ParsedNotification.Of(refund);

                default:
                    return ParsedNotification.Failed(
                        NotificationParseError.UnknownNotifyType,
                        notifyType is null ? "no notifyType" : $"notifyType '{Printable(notifyType)}' is not handled");
            }
        }
        catch (JsonException e)
        {
            return ParsedNotification.Failed(NotificationParseError.MalformedJson, $"{notifyType} body does not fit its shape: {e.Message}");
        }
    }

    private static ParsedNotification? MissingResult(AntomResult? result) =>
        result is { ResultStatus: { Length: > 0 } }
            ? null
            : ParsedNotification.Failed(NotificationParseError.MalformedJson, "no result.resultStatus");

    private static bool IsBlank(string? s) => string.IsNullOrWhiteSpace(s);

    private static string Printable(string value)
    {
        var clean = string.Concat(value.Select(c => char.IsControl(c) ? '?' : c));
        return clean.Length > 64 ? clean[..64] + "…" : clean;
    }
}
