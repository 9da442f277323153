using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Tests.Cancel;

/// <summary>
/// CancelPaymentWorkflow on the real Temporal dev server, with the real activities talking to the Antom simulator
/// over loopback HTTP. Every path of docs/design.md steps 1–7; the simulator's effectiveCancels proves "exactly once".
/// </summary>
[Collection(TemporalDevServerCollection.Name)]
public sealed class CancelPaymentWorkflowTests(TemporalDevServerFixture devServer) : IAsyncLifetime
{
    private readonly SimulatedAntom antom = new();
    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    [Fact]
    public async Task RunAsync_A3_AnswerS_CancelledOnceWithSearchAttributes()
    {
        var id = await PaidPaymentAsync("ALIPAY_CN");

        var (status, handle) = await RunAsync(id, "cancelled-first-answer");

        Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
        Assert.Single(status.Attempts);
        Assert.Equal("S", status.Attempts[0].ResultStatus);
        Assert.NotNull(status.CancelTime);
        Assert.True(status.EligibilityRule == "W5", string.Join(" | ", status.Steps.Select(s => $"{s.Name}: {s.Detail}")));
        Assert.Equal($"cancel-{id}", status.WorkflowId);
        Assert.StartsWith("http://127.0.0.1:8233/namespaces/default/workflows/cancel-", status.TemporalWebUrl, StringComparison.Ordinal);
        Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
        var described = await handle.DescribeAsync();
        Assert.Equal(CancelOutcomes.Cancelled, described.TypedSearchAttributes.Get(CancelSearchAttributes.CancelOutcome));
        Assert.Equal(1L, described.TypedSearchAttributes.Get(CancelSearchAttributes.CancelAttempts));
        Assert.Equal("ALIPAY_CN", described.TypedSearchAttributes.Get(CancelSearchAttributes.PaymentMethod));
    }

    [Fact]
    public async Task RunAsync_A3_UThenUThenS_ResentWithSameIdsAndCancelledOnce()
    {
        var id = await PaidPaymentAsync("ALIPAY_CN");
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 2 });

        var (status, _) = await RunAsync(id, "cancelled-after-two-u");

        Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
        Assert.Equal(["U", "U", "S"], status.Attempts.Select(a => a.ResultStatus));
        Assert.Equal(2, status.Steps.Count(s => s.Name == "U-retry scheduled"));
        var payment = (await antom.Control.GetPaymentAsync(id))!;
        Assert.Equal(1, payment.EffectiveCancels);
        Assert.Equal(3, payment.Calls.Count(c => c.Api == "cancel"));
    }

    [Fact]
    public async Task RunAsync_A3_NoAnswerThenS_DroppedConnectionCountsAsU()
    {
        var id = await PaidPaymentAsync("ALIPAY_CN");
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "drop" }, new SimFault { Kind = "http500" });

        var (status, _) = await RunAsync(id);

        Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
        Assert.Equal(3, status.Attempts.Count);
        Assert.Equal("ConnectionFailed", status.Attempts[0].NoAnswer);
        Assert.Equal("ServerError", status.Attempts[1].NoAnswer);
        Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task RunAsync_A4_UFourTimes_EscalatedWithContextThenResolvedBySignal()
    {
        await using var support = await SupportWebhookReceiver.StartAsync();
        var id = await PaidPaymentAsync("ALIPAY_CN");
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client, support.Url);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(id, CancelWorker.FastSettings() with { EscalationPollInterval = TimeSpan.FromHours(1) });
            var escalated = await WaitForAsync(handle, s => s.Outcome == CancelOutcomes.Escalated && s.EscalationNotices == 1 && s.Steps.Any(x => x.Name == "escalated to support"));
            Assert.Equal(4, escalated.Attempts.Count);
            Assert.All(escalated.Attempts, a => Assert.Equal("U", a.ResultStatus));
            Assert.True(escalated.Escalated);
            var (key, notice) = Assert.Single(support.Received);
            Assert.Equal($"cancel-{id}/1", key);
            Assert.Equal(id, notice.PaymentRequestId);
            Assert.Equal(4, notice.Attempts.Count);
            Assert.NotNull(notice.TemporalWebUrl);
            Assert.Equal("SUCCESS", notice.LastInquiry?.Payment?.Status);
            Assert.True((await handle.DescribeAsync()).TypedSearchAttributes.Get(CancelSearchAttributes.Escalated));

            await handle.SignalResolveEscalationAsync(new EscalationResolution("Cancelled", "support:alice", "cancelled with Antom support"));
            var resolved = await handle.GetResultAsync();
            await HistoryCapture.SaveAsync(handle, "escalated-resolved-by-signal");

            Assert.Equal(CancelOutcomes.Resolved, resolved.Outcome);
            Assert.Equal("support:alice", resolved.Resolution?.ResolvedBy);
            Assert.Equal(0, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
        });
    }

    [Fact]
    public async Task RunAsync_A4_UFourTimes_ResolvedWhenInquiryShowsCancelled()
    {
        var id = await PaidPaymentAsync("ALIPAY_CN");
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = 4 });
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(id, CancelWorker.FastSettings());
            await WaitForAsync(handle, s => s.Outcome == CancelOutcomes.Escalated);

            // Antom support cancelled it by hand: the next periodic inquiry sees CANCELLED.
            var payment = (await antom.Control.GetPaymentAsync(id))!;
            await antom.Control.PutPaymentAsync(id, new SimPaymentInput
            {
                PaymentId = payment.PaymentId,
                PaymentMethodType = payment.PaymentMethodType,
                PaymentStatus = "CANCELLED",
                PaymentAmount = payment.PaymentAmount,
                CreateTime = payment.CreateTime,
                PaymentTime = payment.PaymentTime,
            });
            var resolved = await handle.GetResultAsync();
            await HistoryCapture.SaveAsync(handle, "escalated-resolved-by-inquiry");

            Assert.Equal(CancelOutcomes.Resolved, resolved.Outcome);
            Assert.Equal("antom-inquiry", resolved.Resolution?.ResolvedBy);
        });
    }

    public static TheoryData<string, string, string, bool> FailureCodes => new()
    {
        // resultCode, expected outcome, expected rule, needs an engineer
        { "CANCEL_WINDOW_EXCEED", CancelOutcomes.NotCancellable, "W", false },
        { "PROCESS_FAIL", CancelOutcomes.NotCancellable, "N1", false },
        { "ORDER_NOT_EXIST", CancelOutcomes.Rejected, string.Empty, false },
        { "INVALID_SIGNATURE", CancelOutcomes.Rejected, string.Empty, true },
    };

    [Theory]
    [MemberData(nameof(FailureCodes))]
    public async Task RunAsync_A3_AnswerF_DecidedByCodeAndNeverRetried(string resultCode, string outcome, string rulePrefix, bool needsEngineer)
    {
        var id = await PaidPaymentAsync("ALIPAY_CN");
        await antom.Control.QueueFaultsAsync(id, new SimFault { Kind = "F", ResultCode = resultCode });

        var (status, _) = await RunAsync(id, $"f-{resultCode.ToLowerInvariant().Replace('_', '-')}");

        Assert.Equal(outcome, status.Outcome);
        Assert.Equal(resultCode, status.ResultCode);
        Assert.StartsWith(rulePrefix, status.Rule ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(needsEngineer, status.NeedsEngineer);
        Assert.Single(status.Attempts);
        if (resultCode == "CANCEL_WINDOW_EXCEED")
        {
            Assert.Contains("refund", status.Advice, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    public static TheoryData<string, string, int, bool, string, string> NotCancellableCases => new()
    {
        // method, status, paid days ago, captured, rule, advice (an uncaptured card's authorisation simply expires)
        { "DANA", "SUCCESS", 0, false, "W1", "refund" },
        { "JKOPAY", "SUCCESS", 0, false, "W1", "refund" },
        { "ONLINEBANKING_BANGKOKBANK", "SUCCESS", 0, false, "W2", "refund" },
        { "CARD", "SUCCESS", 0, true, "N2", "refund" },
        { "CARD", "SUCCESS", 8, false, "W3", "expire" },
        { "MERCADOPAGO_BR", "SUCCESS", 8, false, "W4", "refund" },
        { "ALIPAY_CN", "SUCCESS", 2, false, "W5", "refund" },
    };

    [Theory]
    [MemberData(nameof(NotCancellableCases))]
    public async Task RunAsync_Eligibility_NotCancellableBeforeAnyCancelCall(string method, string paymentStatus, int paidDaysAgo, bool captured, string rule, string advice)
    {
        var id = NewPaymentId();
        var paidAt = DateTimeOffset.UtcNow.AddDays(-paidDaysAgo).AddMinutes(-1);
        await antom.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = method,
            PaymentStatus = paymentStatus,
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = paidAt.AddMinutes(-1),
            PaymentTime = paidAt,
            Captured = captured,
        });

        var (status, _) = await RunAsync(id, $"not-cancellable-{rule.ToLowerInvariant()}-{method.ToLowerInvariant()}");

        Assert.True(status.Outcome == CancelOutcomes.NotCancellable, string.Join(" | ", status.Steps.Select(s => $"{s.Name}: {s.Detail}")));
        Assert.Contains(rule, status.Rule, StringComparison.Ordinal);
        Assert.Empty(status.Attempts);
        Assert.Contains(advice, status.Advice ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain((await antom.Control.GetPaymentAsync(id))!.Calls, c => c.Api == "cancel");
    }

    [Fact]
    public async Task RunAsync_C4_AlreadyCancelled_NoCancelCall()
    {
        var id = NewPaymentId();
        await antom.Control.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "CANCELLED",
            PaymentAmount = new AntomAmount("USD", "1000"),
        });

        var (status, _) = await RunAsync(id);

        Assert.Equal(CancelOutcomes.AlreadyCancelled, status.Outcome);
        Assert.Empty(status.Attempts);
    }

    [Fact]
    public async Task RunAsync_A2_NeitherId_FailsTypedAndNothingReachesAntom()
    {
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        var failure = await worker.ExecuteAsync(() => Assert.ThrowsAsync<WorkflowFailedException>(() =>
            devServer.Client.ExecuteWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest { Reason = "no ids", Settings = CancelWorker.FastSettings() }),
                CancelWorker.StartOptions($"cancel-invalid-{Guid.NewGuid():N}", taskQueue))));

        var cause = Assert.IsType<ApplicationFailureException>(failure.InnerException);
        Assert.Equal(CancelFailureTypes.InvalidRequest, cause.ErrorType);
        Assert.StartsWith("A2", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Twice_ReturnsTheRunningWorkflowAndCancelsOnce()
    {
        var id = await PaidPaymentAsync("ALIPAY_CN");
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);

        await worker.ExecuteAsync(async () =>
        {
            var first = await StartAsync(id, CancelWorker.FastSettings(TimeSpan.FromSeconds(3)));
            var second = await StartAsync(id, CancelWorker.FastSettings(TimeSpan.FromSeconds(3)));

            Assert.Equal(first.ResultRunId, second.ResultRunId);
            var status = await first.GetResultAsync();
            Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
            Assert.Equal(1, (await antom.Control.GetPaymentAsync(id))!.EffectiveCancels);
        });
    }

    private static string NewPaymentId() => $"pr-{Guid.NewGuid():N}";

    private async Task<string> PaidPaymentAsync(string method)
    {
        var id = NewPaymentId();
        await antom.PutPaidAsync(id, method);
        return id;
    }

    private Task<WorkflowHandle<CancelPaymentWorkflow, CancelStatus>> StartAsync(string paymentRequestId, CancelSettings settings) =>
        devServer.Client.StartWorkflowAsync(
            (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest
            {
                PaymentRequestId = paymentRequestId,
                Reason = "test",
                BookingRef = "BK-1",
                Merchant = "test-merchant",
                Settings = settings,
            }),
            CancelWorker.StartOptions(CancelWorkflowIds.For(paymentRequestId, null), taskQueue));

    private async Task<(CancelStatus Status, WorkflowHandle<CancelPaymentWorkflow, CancelStatus> Handle)> RunAsync(string paymentRequestId, string? captureAs = null)
    {
        using var worker = CancelWorker.Create(devServer.Client, taskQueue, antom.Client);
        return await worker.ExecuteAsync(async () =>
        {
            var handle = await StartAsync(paymentRequestId, CancelWorker.FastSettings());
            var status = await handle.GetResultAsync();
            if (captureAs is not null)
            {
                await HistoryCapture.SaveAsync(handle, captureAs);
            }

            return (status, handle);
        });
    }

    private static async Task<CancelStatus> WaitForAsync(WorkflowHandle<CancelPaymentWorkflow, CancelStatus> handle, Func<CancelStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var status = await handle.QueryAsync(wf => wf.Status);
            if (condition(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"condition not met in 30 s; outcome {status.Outcome}, steps: {string.Join(" | ", status.Steps.Select(s => s.Name))}");
            await Task.Delay(100);
        }
    }
}
