using System.Text;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Service.Notifications;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>A parsed notification becomes the signal the workflows expect, identified by its body's SHA-256.</summary>
public sealed class NotificationSignalTests
{
    [Fact]
    public void PaymentResult_PaymentNotifiedWithBothIdsAndTheBodyHash()
    {
        var body = NotificationBodies.PaymentResult("pr-1", "pid-1");

        var signal = NotificationSignal.From(AntomNotificationParser.Parse(body), body)!;

        Assert.Equal("PaymentNotified", signal.SignalName);
        var notice = Assert.IsType<PaymentNotice>(signal.Notice);
        Assert.Equal(("PAYMENT_RESULT", "S", "SUCCESS"), (notice.NotifyType, notice.ResultStatus, notice.ResultCode));
        Assert.Equal(("pr-1", "pid-1", "USD", "1000"), (notice.PaymentRequestId, notice.PaymentId, notice.Currency, notice.Value));
        Assert.Equal(signal.NotificationId, notice.NotificationId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), signal.NotificationId);
        Assert.Matches("^[0-9a-f]{64}$", signal.NotificationId);
    }

    [Fact]
    public void SameBody_SameId_AnyByteDifferent_AnotherId()
    {
        var body = NotificationBodies.PaymentResult("pr-1", "pid-1");

        Assert.Equal(NotificationSignal.IdOf(body), NotificationSignal.IdOf((byte[])body.Clone()));
        Assert.NotEqual(NotificationSignal.IdOf(body), NotificationSignal.IdOf(NotificationBodies.Tampered(body)));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", NotificationSignal.IdOf(Encoding.UTF8.GetBytes(string.Empty)));
    }

    [Fact]
    public void RefundResult_RefundNotifiedForThePaymentItNames()
    {
        var body = NotificationBodies.RefundResult("pr-2", null, "rf-2");

        var signal = NotificationSignal.From(AntomNotificationParser.Parse(body), body)!;

        Assert.Equal("RefundNotified", signal.SignalName);
        Assert.Equal(("pr-2", null), (signal.PaymentRequestId, signal.PaymentId));
        var notice = Assert.IsType<RefundNotice>(signal.Notice);
        Assert.Equal(("SUCCESS", "rf-2", "rr-rf-2", signal.NotificationId), (notice.RefundStatus, notice.RefundId, notice.RefundRequestId, notice.NotificationId));
    }

    [Fact]
    public void RefundResult_WithoutPaymentIds_NothingToRouteTo()
    {
        var body = NotificationBodies.RefundResult(null, null, "rf-3");

        Assert.Null(NotificationSignal.From(AntomNotificationParser.Parse(body), body));
    }

    [Fact]
    public void Targets_ByPaymentRequestIdThenByPaymentId_EachWithItsReconciliation()
    {
        Assert.Equal(
            [("cancel-pr-1", "reconcile-pr-1"), ("cancel-pid-pid-1", "reconcile-pid-pid-1")],
            NotificationRouter.Targets("pr-1", "pid-1"));
        Assert.Equal([("cancel-pid-pid-1", "reconcile-pid-pid-1")], NotificationRouter.Targets(null, "pid-1"));
        Assert.Equal([("cancel-pr-1", "reconcile-pr-1")], NotificationRouter.Targets("pr-1", " "));
    }

    /// <summary>A2: <c>cancel-pid-X</c> is the cancellation by Antom paymentId X, so a notification whose paymentRequestId
    /// is <c>pid-X</c> must not reach it: such a paymentRequestId has no workflow (the API refuses it); its paymentId
    /// routes it.</summary>
    [Fact]
    public void Targets_A2_PaymentRequestIdWithReservedPidPrefix_RoutedByPaymentIdOnly()
    {
        Assert.Equal([("cancel-pid-2088", "reconcile-pid-2088")], NotificationRouter.Targets("pid-X", "2088"));
        Assert.Empty(NotificationRouter.Targets("pid-X", null));
    }
}
