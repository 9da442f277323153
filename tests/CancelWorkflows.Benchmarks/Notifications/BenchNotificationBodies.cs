using System.Globalization;
using System.Text.Json.Nodes;

namespace CancelWorkflows.Benchmarks.Notifications;

/// <summary>notifyPayment / notifyRefund bodies as Antom writes them (docs/antom-api.md §4), a few hundred bytes each.</summary>
public static class BenchNotificationBodies
{
    /// <summary><paramref name="sequence"/> moves paymentTime by that many milliseconds: distinct bodies, distinct notifications.</summary>
    public static byte[] Payment(string paymentRequestId, string paymentId, string notifyType = "PAYMENT_RESULT", long sequence = 0)
    {
        var paid = new DateTimeOffset(2026, 3, 10, 12, 1, 0, TimeSpan.FromHours(8)).AddMilliseconds(sequence);
        return Bytes(new JsonObject
        {
            ["notifyType"] = notifyType,
            ["result"] = notifyType == "PAYMENT_PENDING"
                ? Result("PAYMENT_IN_PROCESS", "payment in process")
                : Result("SUCCESS", "success"),
            ["paymentRequestId"] = paymentRequestId,
            ["paymentId"] = paymentId,
            ["paymentAmount"] = new JsonObject { ["currency"] = "USD", ["value"] = "1000" },
            ["paymentCreateTime"] = "2026-03-10T12:00:00+08:00",
            ["paymentTime"] = paid.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["paymentMethodType"] = "ALIPAY_CN",
        });
    }

    public static byte[] Refund(string paymentRequestId, string paymentId)
    {
        return Bytes(new JsonObject
        {
            ["notifyType"] = "REFUND_RESULT",
            ["result"] = Result("SUCCESS", "success"),
            ["refundStatus"] = "SUCCESS",
            ["refundRequestId"] = "rr-" + paymentRequestId,
            ["refundId"] = "rf-" + paymentId,
            ["refundAmount"] = new JsonObject { ["currency"] = "USD", ["value"] = "1000" },
            ["refundTime"] = "2026-03-10T12:05:00+08:00",
            ["paymentRequestId"] = paymentRequestId,
            ["paymentId"] = paymentId,
        });
    }

    private static JsonObject Result(string code, string message) =>
        new() { ["resultCode"] = code, ["resultStatus"] = "S", ["resultMessage"] = message };

    private static byte[] Bytes(JsonObject body) => System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
}
