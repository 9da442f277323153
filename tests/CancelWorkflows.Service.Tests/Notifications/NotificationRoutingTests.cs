using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// Authentic notifications (signed by the simulator's sender, by openssl, by our signer) reach the right workflow over real
/// HTTP and a real Temporal dev server, and are acknowledged with Antom's exact body only then (docs/design.md, "Notification ingress").
/// </summary>
[Collection(NotificationDevModeCollection.Name)]
public sealed class NotificationRoutingTests(NotificationDevMode fixture)
{
    private PaymentWorkflows Payments => fixture.Payments;

    [Fact]
    public async Task SimulatorNotification_CancellationRunning_AcknowledgedOnceAndRecordedByItsWorkflow()
    {
        var (id, _) = await Payments.RunningCancellationAsync();

        await fixture.Dev.Simulator.SendNotificationAsync(id, new SimNotificationRequest { Type = "payment", Status = "SUCCESS" });

        var delivery = await AcknowledgedDeliveryAsync(id);
        var attempt = Assert.Single(delivery.Attempts);
        Assert.Equal(200, attempt.HttpStatus);
        Assert.Equal(1, await Payments.NotificationsAsync($"cancel-{id}"));
        Assert.Null(await Payments.StatusAsync($"reconcile-{id}"));
    }

    [Fact]
    public async Task OpenSslSignedNotification_CancellationRunning_Acknowledged()
    {
        var (id, paymentId) = await Payments.RunningCancellationAsync();
        var body = NotificationBodies.PaymentResult(id, paymentId);

        var answer = await fixture.Poster.PostAsync(
            body,
            await OpenSslSigner.HeadersAsync(fixture.AntomPrivateKeyPath, NotificationPoster.Path, NotificationDevMode.ClientId, body));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        Assert.Equal(1, await Payments.NotificationsAsync($"cancel-{id}"));
    }

    /// <summary>The request-time bounds at their defaults: 26 h into the past (Antom's re-sends), 5 min ahead (clock
    /// skew); just outside them is refused (<see cref="BadNotifications"/>).</summary>
    [Theory]
    [InlineData(4)]
    [InlineData(-25 * 60)]
    public async Task RequestTimeWithinTheBounds_CancellationRunning_AcknowledgedAndRecorded(int minutesFromNow)
    {
        var (id, paymentId) = await Payments.RunningCancellationAsync();

        var answer = await fixture.Poster.PostSignedAsync(NotificationBodies.PaymentResult(id, paymentId), DateTimeOffset.UtcNow.AddMinutes(minutesFromNow));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        Assert.Equal(1, await Payments.NotificationsAsync($"cancel-{id}"));
    }

    [Fact]
    public async Task Notification_PaymentNeverCancelled_AcknowledgedAndNothingStarted()
    {
        var (id, paymentId) = await Payments.NeverCancelledAsync();

        var answer = await fixture.Poster.PostSignedAsync(NotificationBodies.PaymentResult(id, paymentId));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        Assert.Null(await Payments.StatusAsync($"cancel-{id}"));
        Assert.Null(await Payments.StatusAsync($"cancel-pid-{paymentId}"));
        Assert.Null(await Payments.StatusAsync($"reconcile-{id}"));
    }

    [Fact]
    public async Task Notification_CancellationClosed_StartsItsReconciliation()
    {
        var (id, paymentId) = await Payments.ClosedCancellationAsync();

        var answer = await fixture.Poster.PostSignedAsync(NotificationBodies.PaymentResult(id, paymentId));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        Assert.NotNull(await Payments.StatusAsync($"reconcile-{id}"));
        Assert.Equal(1, await Payments.RunsAsync($"reconcile-{id}"));
        Assert.Equal(WorkflowExecutionStatus.Completed, await Payments.StatusAsync($"cancel-{id}"));
    }

    [Fact]
    public async Task RefundNotification_CancellationClosed_StartsItsReconciliation()
    {
        var (id, paymentId) = await Payments.ClosedCancellationAsync();

        var answer = await fixture.Poster.PostSignedAsync(NotificationBodies.RefundResult(id, paymentId, "rf-" + id));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        Assert.Equal(1, await Payments.RunsAsync($"reconcile-{id}"));
    }

    [Fact]
    public async Task SameNotificationFiveTimesAtOnce_CancellationClosed_OneReconciliationWithOneNotification()
    {
        var (id, paymentId) = await Payments.ClosedCancellationAsync();
        var body = NotificationBodies.PaymentResult(id, paymentId);

        // As Antom's re-sends: the same body, each signed afresh.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fixture.Poster.PostSignedAsync(body)));

        Assert.All(answers, a => Assert.True(a.IsExactAcknowledgement, a.ToString()));
        Assert.Equal(1, await Payments.RunsAsync($"reconcile-{id}"));
        Assert.Equal(1, await Payments.NotificationsAsync($"reconcile-{id}"));
    }

    [Fact]
    public async Task SameNotificationFiveTimes_CancellationRunning_RecordedOnce()
    {
        var (id, paymentId) = await Payments.RunningCancellationAsync();
        var body = NotificationBodies.PaymentResult(id, paymentId);

        for (var i = 0; i < 5; i++)
        {
            var answer = await fixture.Poster.PostSignedAsync(body);
            Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        }

        Assert.Equal(1, await Payments.NotificationsAsync($"cancel-{id}"));
        Assert.Null(await Payments.StatusAsync($"reconcile-{id}"));
    }

    [Fact]
    public async Task Notification_CancellationStartedWithPaymentIdOnly_RoutedToThatWorkflow()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await fixture.Dev.Simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "PROCESSING",
            PaymentAmount = new("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        await fixture.Dev.Simulator.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        await Payments.StartCancellationAsync(new { paymentId = payment.PaymentId });
        var workflowId = $"cancel-pid-{payment.PaymentId}";
        await PaymentWorkflows.WaitAsync(async () => await Payments.AttemptsAsync(workflowId) >= 1, $"{workflowId} to get its first U");

        var answer = await fixture.Poster.PostSignedAsync(NotificationBodies.PaymentResult(id, payment.PaymentId));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        Assert.Equal(1, await Payments.NotificationsAsync(workflowId));
        Assert.Null(await Payments.StatusAsync($"cancel-{id}"));
    }

    private async Task<SimDelivery> AcknowledgedDeliveryAsync(string id)
    {
        SimDelivery? delivery = null;
        await PaymentWorkflows.WaitAsync(
            async () => (delivery = (await fixture.Dev.Simulator.GetDeliveriesAsync(id)).SingleOrDefault()) is { Acknowledged: true },
            $"the simulator's notification for {id} to be acknowledged");
        return delivery!;
    }
}
