using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
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

    /// <summary>The cancel workflow closes at its outcome; a success after that is recorded by reconcile-&lt;id&gt;, and the
    /// booking service still reads one story at <c>GET /v1/cancellations/{id}</c> (C4, C5).</summary>
    [Fact]
    public async Task SuccessNotification_CancellationClosed_GetShowsTheLateSuccessItsReconciliationRecorded()
    {
        var (id, paymentId) = await Payments.ClosedCancellationAsync();

        var answer = await fixture.Poster.PostSignedAsync(NotificationBodies.PaymentResult(id, paymentId));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        JsonObject? status = null;
        await PaymentWorkflows.WaitAsync(
            async () =>
            {
                using var response = await fixture.Dev.Api.GetAsync($"v1/cancellations/{id}");
                status = response.IsSuccessStatusCode ? await response.ReadObjectAsync() : null;
                return status?["lateSuccess"] is JsonValue late && late.GetValue<bool>();
            },
            "GET to show the late success");
        Assert.Equal("Cancelled", (string?)status!["outcome"]);
        Assert.True((bool)status["completed"]!);
        Assert.NotNull(status["reconciliation"]);
        Assert.Single(status["notifications"]!.AsArray());
        Assert.Contains(status["steps"]!.AsArray(), s => ((string?)s!["name"])?.StartsWith($"reconcile-{id}: ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RefundNotification_CancellationClosed_StartsItsReconciliation()
    {
        var (id, paymentId) = await Payments.ClosedCancellationAsync();

        var answer = await fixture.Poster.PostSignedAsync(NotificationBodies.RefundResult(id, paymentId, "rf-" + id));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        Assert.Equal(1, await Payments.RunsAsync($"reconcile-{id}"));
    }

    /// <summary>RF6: the refund fallback's refund was still in process at the SLA (RefundPending, the workflow closed); Antom's
    /// final notifyRefund comes later, through the ingress, and GET shows the refund settled while the outcome stays.</summary>
    [Fact]
    public async Task RefundNotification_RF6_AfterTheCancellationClosedRefundPending_GetShowsTheRefundSucceeded()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var paidAt = DateTimeOffset.UtcNow.AddDays(-2); // past Alipay's W5 cancel window: the fallback refunds
        await fixture.Dev.Simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "2500"),
            CreateTime = paidAt.AddMinutes(-1),
            PaymentTime = paidAt,
            RefundMode = "async",
        });
        var settings = new CancelSettings
        {
            WatchWindow = NotificationDevMode.WatchWindow,
            ReconciliationWatchWindow = NotificationDevMode.ReconciliationWatchWindow,
            ReconciliationSla = TimeSpan.FromSeconds(3),
            ReconciliationPollInterval = TimeSpan.FromSeconds(1),
        };
        var cancel = await fixture.Temporal.StartWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { PaymentRequestId = id, Fallback = CancelFallbacks.Refund, Settings = settings }),
            new($"cancel-{id}", TemporalNames.TaskQueue));
        Assert.Equal(CancelOutcomes.RefundPending, (await cancel.GetResultAsync()).Outcome);

        await fixture.Dev.Simulator.SendNotificationAsync(id, new SimNotificationRequest { Type = "refund", Status = "SUCCESS", RefundRequestId = $"refund-cancel-{id}" });

        JsonObject? status = null;
        await PaymentWorkflows.WaitAsync(
            async () =>
            {
                using var response = await fixture.Dev.Api.GetAsync($"v1/cancellations/{id}");
                status = response.IsSuccessStatusCode ? await response.ReadObjectAsync() : null;
                return (string?)status?["refundFallback"]?["state"] == RefundFallbackStates.Succeeded;
            },
            "GET to show the late refund result");
        Assert.Equal(CancelOutcomes.RefundPending, (string?)status!["outcome"]);
        Assert.Equal(($"refund-cancel-{id}", "late notifyRefund"), ((string?)status["refundFallback"]!["refundRequestId"], (string?)status["refundFallback"]!["confirmedBy"]));
        Assert.NotEmpty(status["refundFallback"]!["attempts"]!.AsArray()); // the closed workflow's calls are kept
        Assert.Contains(status["steps"]!.AsArray(), s => (string?)s!["name"] == $"reconcile-{id}: late refund result");
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
