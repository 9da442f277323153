using CancelWorkflows.Client;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary><c>CancelWorkflows.Client</c> against the running service: every operation and every typed error.</summary>
[Collection(ApiCollection.Name)]
public sealed class TypedClientTests(ApiDevMode api)
{
    private CancelWorkflowsClient Client => api.Client;

    [Fact]
    public async Task StartAsync_WithWait_OutcomeAndStatus()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);

        var started = await Client.StartAsync(new StartCancellationRequest { PaymentRequestId = id, Reason = "client" }, wait: TimeSpan.FromSeconds(30));

        Assert.Equal(200, started.HttpStatus);
        Assert.True(started.Created);
        Assert.Equal($"cancel-{id}", started.WorkflowId);
        Assert.Equal(CancellationOutcomes.Cancelled, started.Outcome);
        Assert.Equal("booking", started.Cancellation!.RequestedBy);
        Assert.Equal("S", Assert.Single(started.Cancellation.Attempts).ResultStatus);
    }

    [Fact]
    public async Task StartAsync_FallbackRefund_CapturedCard_RefundedWithTheRefundInTheStatus()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.Simulator.PutPaymentAsync(id, new AntomSimulator.SimPaymentInput
        {
            PaymentMethodType = "CARD",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new Antom.Wire.AntomAmount("USD", "1000"),
            CreateTime = DateTimeOffset.UtcNow.AddMinutes(-5),
            PaymentTime = DateTimeOffset.UtcNow.AddMinutes(-4),
            Captured = true,
        });

        var started = await Client.StartAsync(
            new StartCancellationRequest { PaymentRequestId = id, Fallback = CancellationFallbacks.Refund }, wait: TimeSpan.FromSeconds(30));

        Assert.Equal(CancellationOutcomes.Refunded, started.Outcome);
        Assert.Equal("N2", started.Cancellation!.EligibilityRule);
        Assert.Equal("Succeeded", started.Cancellation.RefundFallback?.State);
        Assert.Equal("S", Assert.Single(started.Cancellation.RefundFallback!.Attempts).ResultStatus);
        Assert.Equal(1, (await api.Dev.Simulator.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    [Fact]
    public async Task StartAsync_SameKeyTwice_SameAnswerThenWaitForOutcomeReportsProgress()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAnsweringUAsync(id, 1);
        var request = new StartCancellationRequest { PaymentRequestId = id, Merchant = "acme" };

        var first = await Client.StartAsync(request, idempotencyKey: "client-" + id);
        var retry = await Client.StartAsync(request, idempotencyKey: "client-" + id);
        var seen = new List<CancellationStatus>();
        var status = await Client.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(30), new SynchronousProgress(seen));

        Assert.Equal(202, first.HttpStatus);
        Assert.True(first.Created);
        Assert.True(retry.Created);
        Assert.Equal(first.RunId, retry.RunId);
        Assert.Equal(CancellationOutcomes.Cancelled, status.Outcome);
        Assert.Equal(2, status.Attempts.Count);
        Assert.True(seen.Count >= 2, $"progress heard {seen.Count} statuses");
        Assert.Null(seen[0].Outcome);
    }

    [Fact]
    public async Task WaitForOutcomeAsync_TimeoutFirst_LastStatusWithoutOutcome()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAnsweringUAsync(id, 1);
        await Client.StartAsync(new StartCancellationRequest { PaymentRequestId = id });

        var status = await Client.WaitForOutcomeAsync(id, TimeSpan.FromMilliseconds(300));

        Assert.Null(status.Outcome);
        Assert.Equal($"cancel-{id}", status.WorkflowId);
    }

    [Fact]
    public async Task GetAsync_Unknown_Null() =>
        Assert.Null(await Client.GetAsync("never-heard-of-it"));

    [Fact]
    public async Task ListAsync_AndListAllAsync_FilterAndPage()
    {
        var set = await api.ListingAsync();

        var page = await Client.ListAsync(new CancellationQuery { Merchant = set.Merchant, Escalated = true });
        var all = new List<CancellationSummary>();
        await foreach (var item in Client.ListAllAsync(new CancellationQuery { Merchant = set.Merchant, PageSize = 2, From = set.Before, To = set.After }))
        {
            all.Add(item);
        }

        var escalated = Assert.Single(page.Items);
        Assert.Equal(set.Escalated, escalated.PaymentRequestId);
        Assert.True(escalated.Escalated);
        Assert.Null(page.NextPageToken);
        Assert.Equal(set.All.Order(), all.Select(i => i.PaymentRequestId!).Order());
        Assert.Equal("Expected", all.Single(i => i.PaymentRequestId == set.LateSuccess).RefundState);
    }

    [Fact]
    public async Task ResolveAsync_Escalated_ForbiddenToACallerResolvedByAnOperatorThenConflictIsTyped()
    {
        var id = await api.EscalatedCancellationAsync();
        using var support = new CancelWorkflowsClient(api.ApiBase, ApiDevMode.SupportKey);

        var forbidden = await Assert.ThrowsAsync<CancelWorkflowsForbiddenException>(() =>
            Client.ResolveAsync(id, new ResolveEscalationRequest { Outcome = "Cancelled" }));
        var resolved = await support.ResolveAsync(id, new ResolveEscalationRequest { Outcome = "Cancelled", Note = "bob: done" });
        var status = await Client.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(30));
        status = status.Outcome == CancellationOutcomes.Resolved ? status : await PollResolvedAsync(id);
        var conflict = await Assert.ThrowsAsync<CancelWorkflowsApiException>(() =>
            support.ResolveAsync(id, new ResolveEscalationRequest { Outcome = "Cancelled" }));

        Assert.Equal(403, forbidden.StatusCode);
        Assert.EndsWith("forbidden", forbidden.ProblemType, StringComparison.Ordinal);
        Assert.Equal("support", resolved.ResolvedBy);
        Assert.Equal("support", status.Resolution!.ResolvedBy);
        Assert.Equal("bob: done", status.Resolution.Note);
        Assert.Equal(409, conflict.StatusCode);
        Assert.EndsWith("not-escalated", conflict.ProblemType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_ValidationKeyReuseAuthAndUnreachable_AreTyped()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await api.Dev.PaidCardAsync(id);
        await Client.StartAsync(new StartCancellationRequest { PaymentRequestId = id, Reason = "a" }, idempotencyKey: "typed-" + id);

        var invalid = await Assert.ThrowsAsync<CancelWorkflowsApiException>(() =>
            Client.StartAsync(new StartCancellationRequest { Reason = "no ids", CallbackUrl = "ftp://x" }));
        var reused = await Assert.ThrowsAsync<CancelWorkflowsApiException>(() =>
            Client.StartAsync(new StartCancellationRequest { PaymentRequestId = id, Reason = "b" }, idempotencyKey: "typed-" + id));
        using var stranger = new CancelWorkflowsClient(api.ApiBase, "not-a-key");
        var unauthenticated = await Assert.ThrowsAsync<CancelWorkflowsAuthenticationException>(() => stranger.GetAsync(id));
        using var nowhere = new CancelWorkflowsClient(new Uri($"http://127.0.0.1:{FreePorts.Take(1)[0]}"), "key");
        var unreachable = await Assert.ThrowsAsync<CancelWorkflowsUnavailableException>(() => nowhere.GetAsync(id));

        Assert.Equal(400, invalid.StatusCode);
        Assert.Contains("paymentRequestId", invalid.Errors.Keys);
        Assert.Contains("callbackUrl", invalid.Errors.Keys);
        Assert.Equal(422, reused.StatusCode);
        Assert.EndsWith("idempotency-key-reused", reused.ProblemType, StringComparison.Ordinal);
        Assert.Equal(401, unauthenticated.StatusCode);
        Assert.Null(unreachable.StatusCode);
        Assert.Contains("could not be reached", unreachable.Message, StringComparison.Ordinal);
    }

    private async Task<CancellationStatus> PollResolvedAsync(string id) =>
        await Eventually.ReturnsAsync(async () => (await Client.GetAsync(id))!, s => s.Outcome == CancellationOutcomes.Resolved);

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; this one records in order, at once.</summary>
    private sealed class SynchronousProgress(List<CancellationStatus> seen) : IProgress<CancellationStatus>
    {
        public void Report(CancellationStatus value) => seen.Add(value);
    }
}
