using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>notifyPayment / notifyRefund bodies as Antom writes them (docs/antom-api.md §4: every scalar a string).</summary>
public static class NotificationBodies
{
    public static byte[] PaymentResult(string? paymentRequestId, string? paymentId, string resultStatus = "S", string notifyType = "PAYMENT_RESULT", string? padding = null)
    {
        var body = new JsonObject
        {
            ["notifyType"] = notifyType,
            ["result"] = new JsonObject
            {
                ["resultCode"] = resultStatus == "S" ? "SUCCESS" : "PAYMENT_FAIL",
                ["resultStatus"] = resultStatus,
                ["resultMessage"] = resultStatus == "S" ? "success" : "payment failed",
            },
            ["paymentAmount"] = new JsonObject { ["currency"] = "USD", ["value"] = "1000" },
            ["paymentCreateTime"] = "2026-03-10T12:00:00+08:00",
            ["paymentTime"] = "2026-03-10T12:01:00+08:00",
            ["paymentMethodType"] = "ALIPAY_CN",
        };
        Put(body, "paymentRequestId", paymentRequestId);
        Put(body, "paymentId", paymentId);
        Put(body, "padding", padding);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    public static byte[] RefundResult(string? paymentRequestId, string? paymentId, string? refundId, string refundStatus = "SUCCESS")
    {
        var body = new JsonObject
        {
            ["notifyType"] = "REFUND_RESULT",
            ["result"] = new JsonObject { ["resultCode"] = "SUCCESS", ["resultStatus"] = "S", ["resultMessage"] = "success" },
            ["refundStatus"] = refundStatus,
            ["refundRequestId"] = refundId is null ? null : "rr-" + refundId,
            ["refundId"] = refundId,
            ["refundAmount"] = new JsonObject { ["currency"] = "USD", ["value"] = "1000" },
            ["refundTime"] = "2026-03-10T12:05:00+08:00",
        };
        Put(body, "paymentRequestId", paymentRequestId);
        Put(body, "paymentId", paymentId);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The body with one byte changed (a digit of the amount): the JSON stays valid, the signature does not.</summary>
    public static byte[] Tampered(byte[] body)
    {
        var copy = (byte[])body.Clone();
        var at = Encoding.UTF8.GetString(copy).IndexOf("\"1000\"", StringComparison.Ordinal);
        copy[at + 1] = (byte)'9';
        return copy;
    }

    public static JsonElement Parse(byte[] body) => JsonDocument.Parse(body).RootElement;

    private static void Put(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }
}
