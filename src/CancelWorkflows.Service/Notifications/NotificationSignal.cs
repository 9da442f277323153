using System.Security.Cryptography;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Notifications;

/// <summary>
/// A verified, parsed notification as the signal it becomes: <c>PaymentNotified</c> with a <see cref="PaymentNotice"/> or
/// <c>RefundNotified</c> with a <see cref="RefundNotice"/>, for the payment it names. <see cref="NotificationId"/> is the
/// lowercase hex SHA-256 of the raw body: Antom's re-sends carry the same body, so the workflows deduplicate on it.
/// </summary>
public sealed record NotificationSignal(
    string? PaymentRequestId,
    string? PaymentId,
    string SignalName,
    object Notice,
    string NotificationId,
    string Description)
{
    /// <summary>The merchant whose key verified the notification.</summary>
    public string? AntomMerchant => Notice switch
    {
        PaymentNotice payment => payment.AntomMerchant,
        RefundNotice refund => refund.AntomMerchant,
        _ => null,
    };

    /// <summary>The signal for a parsed notification, or null when it names no payment (a refund notification without
    /// <c>paymentRequestId</c> and <c>paymentId</c>): nothing to route it to.</summary>
    /// <param name="antomMerchant">The merchant whose key verified it (the workflows ignore one that is not theirs).</param>
    public static NotificationSignal? From(ParsedNotification parsed, ReadOnlySpan<byte> rawBody, string? antomMerchant = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var id = IdOf(rawBody);
        if (parsed.Payment is { } p)
        {
            var notice = new PaymentNotice(
                p.NotifyType ?? NotifyTypes.PaymentResult,
                p.Result?.ResultStatus,
                p.Result?.ResultCode,
                Known(p.PaymentRequestId),
                Known(p.PaymentId),
                p.PaymentAmount?.Currency,
                p.PaymentAmount?.Value,
                p.PaymentTime,
                id,
                antomMerchant);
            return new(notice.PaymentRequestId, notice.PaymentId, TemporalNames.PaymentNotifiedSignal, notice, id, $"{notice.NotifyType} {notice.ResultStatus}");
        }

        if (parsed.Refund is { } r && (Known(r.PaymentRequestId) is not null || Known(r.PaymentId) is not null))
        {
            var notice = new RefundNotice(
                r.RefundStatus,
                r.RefundId,
                r.RefundRequestId,
                r.RefundAmount?.Currency,
                r.RefundAmount?.Value,
                r.RefundTime,
                id,
                antomMerchant);
            return new(Known(r.PaymentRequestId), Known(r.PaymentId), TemporalNames.RefundNotifiedSignal, notice, id, $"{NotifyTypes.RefundResult} {r.RefundStatus}");
        }

        return null;
    }

    /// <summary>Lowercase hex SHA-256 of the exact bytes received.</summary>
    public static string IdOf(ReadOnlySpan<byte> rawBody) => Convert.ToHexStringLower(SHA256.HashData(rawBody));

    private static string? Known(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
