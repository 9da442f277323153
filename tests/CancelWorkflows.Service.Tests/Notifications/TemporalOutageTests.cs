using System.Diagnostics;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// Temporal stops answering while notifications arrive (its dev server frozen with SIGSTOP: connections stay open, nothing
/// answers — the worst kind of outage): the ingress must not acknowledge. After SIGCONT, Antom's (the simulator's)
/// re-send is acknowledged, and the payment ends with exactly one reconciliation that recorded the notification once.
/// </summary>
[Collection(NotificationDevModeCollection.Name)]
public sealed class TemporalOutageTests(NotificationDevMode fixture)
{
    [Fact]
    public async Task TemporalFrozen_NotAcknowledged_ThenTheResendIsRecordedOnce()
    {
        var payments = fixture.Payments;
        var (ours, oursPaymentId) = await payments.ClosedCancellationAsync();
        var (antoms, _) = await payments.ClosedCancellationAsync();
        var body = NotificationBodies.PaymentResult(ours, oursPaymentId);
        var devServer = DevServerProcess.Find(fixture.Dev.Process.Pid);

        PosixSignals.Freeze(devServer);
        try
        {
            var clock = Stopwatch.StartNew();
            var answer = await fixture.Poster.PostSignedAsync(body);
            Assert.Equal(503, answer.Status);
            Assert.True(answer.IsFailureBody, answer.ToString());
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15));

            await fixture.Dev.Simulator.SendNotificationAsync(antoms, new SimNotificationRequest { Type = "payment", Status = "SUCCESS" });
            await PaymentWorkflows.WaitAsync(
                async () => (await fixture.Dev.Simulator.GetDeliveriesAsync(antoms)).Single().Attempts.Count >= 1,
                "the simulator's first attempt");
            var first = (await fixture.Dev.Simulator.GetDeliveriesAsync(antoms)).Single();
            Assert.False(first.Acknowledged);
            Assert.Equal(503, first.Attempts[0].HttpStatus);
        }
        finally
        {
            PosixSignals.Thaw(devServer);
        }

        // Antom's re-send (here: ours, the same body signed afresh; and the simulator's own schedule) now goes through.
        var again = await fixture.Poster.PostSignedAsync(body);
        Assert.True(again.IsExactAcknowledgement, again.ToString());
        await PaymentWorkflows.WaitAsync(
            async () => (await fixture.Dev.Simulator.GetDeliveriesAsync(antoms)).Single().Acknowledged,
            "the simulator's re-send to be acknowledged");

        foreach (var id in new[] { ours, antoms })
        {
            Assert.Equal(1, await payments.RunsAsync($"reconcile-{id}"));
            Assert.Equal(1, await payments.NotificationsAsync($"reconcile-{id}"));
        }

        var delivery = (await fixture.Dev.Simulator.GetDeliveriesAsync(antoms)).Single();
        Assert.Equal(1, delivery.Attempts.Count(a => a.Acknowledged));
    }
}
