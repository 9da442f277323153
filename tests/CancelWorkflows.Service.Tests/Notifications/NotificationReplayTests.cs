using System.Globalization;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Activities;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// Antom re-sends a notification for 24 h until acknowledged, and anyone holding one captured authentic notification can
/// replay it for as long as its <c>request-time</c> is accepted. A replay must change nothing: acknowledged with Antom's
/// exact body (it was recorded), and not one event added to the workflow's history after the first delivery — whether
/// the replica that gets it remembers the id or has to ask the workflow (<c>HasNotification</c>). And nothing that is
/// new may be mistaken for a replay, nor left unrecorded when no worker can answer that question.
/// </summary>
[Collection(NotificationDevModeCollection.Name)]
public sealed class NotificationReplayTests(NotificationDevMode fixture)
{
    private const int Replays = 999;
    private const int Batches = 9;

    /// <summary>A replica that remembers nothing: every notification is checked with the workflow's query.</summary>
    private static readonly Dictionary<string, string?> NoMemory = new()
    {
        ["Notifications:RecordedIdCacheSize"] = "0",
        ["Notifications:DuplicateQueryTimeout"] = "00:00:10",
    };

    private PaymentWorkflows Payments => fixture.Payments;

    [Fact]
    public async Task SameNotificationThousandTimes_CancellationRunning_NoHistoryEventAfterTheFirst()
    {
        var (id, paymentId) = await Payments.RunningCancellationAsync();
        var workflowId = $"cancel-{id}";
        var body = NotificationBodies.PaymentResult(id, paymentId);

        var first = await fixture.Poster.PostSignedAsync(body);
        Assert.True(first.IsExactAcknowledgement, first.ToString());
        var afterFirst = await Payments.SettledHistoryLengthAsync(workflowId);

        // As Antom's re-sends and a replayer's copies: the same body, each signed afresh, many at once.
        var answers = new List<NotificationPoster.Answer>();
        for (var batch = 0; batch < Batches; batch++)
        {
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, Replays / Batches).Select(_ => fixture.Poster.PostSignedAsync(body))));
        }

        Assert.Equal(Replays, answers.Count);
        Assert.All(answers, a => Assert.True(a.IsExactAcknowledgement, a.ToString()));
        Assert.Equal(afterFirst, await Payments.SettledHistoryLengthAsync(workflowId));
        Assert.Equal(1, await Payments.NotificationsAsync(workflowId));
        Assert.Equal(0, await Payments.DuplicatesAsync(workflowId));
    }

    [Fact]
    public async Task SameNotificationAtAnotherReplica_ItRemembersNothing_TheWorkflowsQueryAnswersAndNothingIsSignalled()
    {
        var (id, paymentId) = await Payments.RunningCancellationAsync();
        var workflowId = $"cancel-{id}";
        var body = NotificationBodies.PaymentResult(id, paymentId);
        Assert.True((await fixture.Poster.PostSignedAsync(body)).IsExactAcknowledgement);
        var afterFirst = await Payments.SettledHistoryLengthAsync(workflowId);
        await using var replica = await fixture.StartReplicaAsync(NoMemory);

        var answers = new List<NotificationPoster.Answer>();
        for (var batch = 0; batch < 4; batch++)
        {
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => replica.Poster.PostSignedAsync(body))));
        }

        Assert.All(answers, a => Assert.True(a.IsExactAcknowledgement, a.ToString()));
        Assert.Equal(Enumerable.Repeat("duplicate-before-signal", 200), replica.Verdicts);
        Assert.Equal(afterFirst, await Payments.SettledHistoryLengthAsync(workflowId));
        Assert.Equal(0, await Payments.DuplicatesAsync(workflowId));
    }

    [Fact]
    public async Task TwoDifferentNotifications_SamePayment_BothRecordedAndTheirReplaysNot()
    {
        var (id, paymentId) = await Payments.RunningCancellationAsync();
        var workflowId = $"cancel-{id}";
        var pending = NotificationBodies.PaymentResult(id, paymentId, notifyType: "PAYMENT_PENDING");
        var result = NotificationBodies.PaymentResult(id, paymentId);
        await using var replica = await fixture.StartReplicaAsync(NoMemory);

        var answers = new[]
        {
            await fixture.Poster.PostSignedAsync(pending),
            await replica.Poster.PostSignedAsync(result),
            await fixture.Poster.PostSignedAsync(result),
            await replica.Poster.PostSignedAsync(pending),
        };

        Assert.All(answers, a => Assert.True(a.IsExactAcknowledgement, a.ToString()));
        Assert.Equal(["accepted", "duplicate-before-signal"], replica.Verdicts);
        Assert.Equal(2, await Payments.NotificationsAsync(workflowId));
        Assert.Equal(2, await Payments.SignalsAsync(workflowId));
        Assert.Equal(0, await Payments.DuplicatesAsync(workflowId));
    }

    [Fact]
    public async Task SameNotificationAtAnotherReplica_CancellationClosed_ItsReconciliationAnswersAndIsNotSignalledAgain()
    {
        var (id, paymentId) = await Payments.ClosedCancellationAsync();
        var body = NotificationBodies.PaymentResult(id, paymentId);
        Assert.True((await fixture.Poster.PostSignedAsync(body)).IsExactAcknowledgement);
        await using var replica = await fixture.StartReplicaAsync(NoMemory);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => replica.Poster.PostSignedAsync(body)));

        Assert.All(answers, a => Assert.True(a.IsExactAcknowledgement, a.ToString()));
        Assert.Equal(Enumerable.Repeat("duplicate-before-signal", 20), replica.Verdicts);
        Assert.Equal(1, await Payments.RunsAsync($"reconcile-{id}"));
        Assert.Equal(1, await Payments.SignalsAsync($"reconcile-{id}"));
        Assert.Equal(0, await Payments.DuplicatesAsync($"reconcile-{id}"));
    }

    [Fact]
    public async Task NewNotification_NoWorkerCanAnswerTheQuery_SignalledAndAcknowledgedAnyway()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var workflowId = $"cancel-{id}";
        var taskQueue = $"tq-stopped-{Guid.NewGuid():N}";
        var handle = await StartThenStopItsWorkerAsync(workflowId, taskQueue, new CancelPaymentRequest { PaymentRequestId = id });
        try
        {
            // The premise: nobody polls the workflow's task queue any more, so its queries go unanswered.
            await Assert.ThrowsAnyAsync<Exception>(() => handle.QueryAsync<bool>(
                "HasNotification", ["any"], new() { Rpc = new() { Timeout = TimeSpan.FromSeconds(2) } }));
            await using var replica = await fixture.StartReplicaAsync(new Dictionary<string, string?>
            {
                ["Notifications:DuplicateQueryTimeout"] = "00:00:01",
            });

            var answer = await replica.Poster.PostSignedAsync(NotificationBodies.PaymentResult(id, "pid-" + id));

            Assert.True(answer.IsExactAcknowledgement, answer.ToString());
            Assert.Equal(["accepted"], replica.Verdicts);
            Assert.Equal(1, await Payments.SignalsAsync(workflowId));
        }
        finally
        {
            await handle.TerminateAsync("test over");
        }
    }

    /// <summary>A cancel workflow that ran its first workflow task on a worker of its own, which then stopped. That worker
    /// has no Antom: its eligibility inquiry (a local activity) fails, and the workflow waits in the retry's timer.</summary>
    private async Task<WorkflowHandle> StartThenStopItsWorkerAsync(string workflowId, string taskQueue, CancelPaymentRequest request)
    {
        using var worker = new TemporalWorker(
            fixture.Temporal,
            new TemporalWorkerOptions(taskQueue).AddWorkflow<CancelPaymentWorkflow>().AddAllActivities(new NoAntom()));
        return await worker.ExecuteAsync(async () =>
        {
            var handle = await fixture.Temporal.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(request),
                new WorkflowOptions(workflowId, taskQueue));
            await PaymentWorkflows.WaitAsync(
                async () =>
                {
                    try
                    {
                        return (await handle.QueryAsync(wf => wf.Status)).Steps.Count > 0;
                    }
                    catch (RpcException)
                    {
                        return false; // not ready before its first workflow task
                    }
                },
                string.Create(CultureInfo.InvariantCulture, $"{workflowId} to run its first workflow task"));
            return (WorkflowHandle)handle;
        });
    }

    /// <summary>An eligibility inquiry that never gets an answer.</summary>
    private sealed class NoAntom
    {
        [Activity("CheckEligibility")]
        public Task<Workflows.Activities.EligibilityResult> CheckEligibilityAsync(Workflows.Activities.EligibilityInput input) =>
            throw new ApplicationFailureException("no Antom on this worker");
    }
}
