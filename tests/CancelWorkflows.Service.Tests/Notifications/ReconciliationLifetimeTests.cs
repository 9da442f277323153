namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// "Lose nothing" after the cancel workflow closed: every later notification for the payment must reach its one
/// reconciliation, whatever came first. Antom sends PAYMENT_PENDING before PAYMENT_RESULT, and re-sends can reorder
/// anything; a reconciliation that closes after a first notification which needs no refund (PENDING, a refund, a FAIL)
/// makes the ingress's next signal-with-start meet a closed id (reuse refused): acknowledged, recorded nowhere.
/// The reconciliation stays open for its own watch window (<c>Cancel:ReconciliationWatchWindow</c>; here 12 s, longer than
/// the cancel's 2 s; in production 25 h) after its LAST notification.
/// </summary>
[Collection(NotificationDevModeCollection.Name)]
public sealed class ReconciliationLifetimeTests(NotificationDevMode fixture)
{
    [Fact]
    public async Task PendingThenResult_CancellationClosed_BothReachTheOneReconciliation()
    {
        var (id, paymentId) = await fixture.Payments.ClosedCancellationAsync();

        var pending = await fixture.Poster.PostSignedAsync(NotificationBodies.PaymentResult(id, paymentId, notifyType: "PAYMENT_PENDING"));
        Assert.True(pending.IsExactAcknowledgement, pending.ToString());
        await Task.Delay(NotificationDevMode.WatchWindow + TimeSpan.FromSeconds(1)); // past the cancel's window, inside the reconciliation's
        var result = await fixture.Poster.PostSignedAsync(NotificationBodies.PaymentResult(id, paymentId));
        Assert.True(result.IsExactAcknowledgement, result.ToString());

        Assert.Equal(1, await fixture.Payments.RunsAsync($"reconcile-{id}"));
        Assert.Equal(2, await fixture.Payments.NotificationsAsync($"reconcile-{id}"));
    }
}
