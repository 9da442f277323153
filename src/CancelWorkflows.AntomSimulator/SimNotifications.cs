using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.AntomSimulator;

/// <summary>Notification bodies as Antom sends them (docs/antom-api.md §4), shared by the control API and the refund API.</summary>
internal static class SimNotifications
{
    /// <summary>The code of a failed refund in notifyRefund; Antom's refund page does not list one (NOT VERIFIED).</summary>
    public const string RefundFailCode = "PROCESS_FAIL";

    /// <summary>notifyRefund (REFUND_RESULT) for <paramref name="refund"/> in its current status. Payment ids are added so the
    /// receiver can route it; whether Antom sends them is not verified (see <see cref="RefundNotification"/>).</summary>
    public static byte[] RefundBody(PaymentRecord payment, SimRefund refund) =>
        SimJson.Serialize(new RefundNotification(
            NotifyTypes.RefundResult,
            refund.RefundStatus == SimRefundStatuses.Success ? AntomResult.Success : new AntomResult(RefundFailCode, "F", "The refund failed."),
            refund.RefundStatus,
            refund.RefundRequestId,
            refund.RefundId,
            refund.RefundAmount,
            AntomTime.Format(refund.RefundTime),
            payment.PaymentRequestId,
            payment.PaymentId));

    /// <summary>The delivery record of a notifyRefund, signed with the payment's client id (the header Antom sends is the
    /// merchant's own client id).</summary>
    public static DeliveryState RefundDelivery(SimRefund refund, Uri url, string clientId) =>
        new("refund", NotifyTypes.RefundResult, refund.RefundStatus == SimRefundStatuses.Success ? "S" : "F", url, clientId, DateTimeOffset.UtcNow);
}
