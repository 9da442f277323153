using System.Diagnostics;
using System.Net;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Notifications;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Notifications;
using CancelWorkflows.Service.Tests.Promotions;
using CancelWorkflows.Workflows.Promotions;
using Temporalio.Api.Enums.V1;

namespace CancelWorkflows.Service.Tests.Observability;

/// <summary>
/// One trace per cancellation, read from OpenTelemetry's in-memory exporter while the whole service runs on a real dev
/// server against the simulator: the API request, the workflow start, every activity (each cancel attempt with its
/// Antom HTTP call as a child), the callback, the support webhook; a notification arriving after the workflow closed
/// links its own trace to the cancellation's and continues there.
/// </summary>
[Collection(ObservedServiceCollection.Name)]
public sealed class CancellationTraceTests(ObservedService service)
{
    [Fact]
    public async Task HappyPath_OneTrace_ApiRequestStartsWorkflow_ActivitiesAndAntomCallsAreItsDescendants()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await service.Cluster.Simulator.Control.PutPaidCardPaymentAsync(id);
        var callback = service.Receiver.NewUrl();

        using var response = await service.Booking.PostCancellationAsync(new { paymentRequestId = id, callbackUrl = callback });
        response.EnsureSuccessStatusCode();

        var request = await RequestSpanAsync(id);
        var trace = await service.TraceAsync(request.TraceId, t => Has(t, "RunActivity:NotifyCaller") && Has(t, "RunActivity:CancelPayment"), "callback");
        var start = Single(trace, "StartWorkflow:CancelPaymentWorkflow");
        Assert.True(IsDescendant(trace, start, request), "the workflow start is part of the API request");
        Assert.Equal($"cancel-{id}", start.GetTagItem("temporal.workflow.id"));

        foreach (var name in new[] { "RunActivity:CheckEligibility", "RunActivity:CancelPayment", "RunActivity:NotifyCaller" })
        {
            var activity = Single(trace, name);
            Assert.Equal(start.SpanId, activity.ParentSpanId);
            Assert.Equal($"cancel-{id}", activity.GetTagItem("temporal.workflow.id"));
            Assert.NotNull(activity.GetTagItem("temporal.run.id"));
            Assert.Single(HttpChildren(trace, activity));
        }

        var cancel = Single(trace, "RunActivity:CancelPayment");
        Assert.Equal(id, cancel.GetTagItem("cancelworkflows.payment_request_id"));
        Assert.Equal(1, cancel.GetTagItem("cancelworkflows.cancel.attempt"));
        Assert.Equal("S", cancel.GetTagItem("cancelworkflows.antom.result_status"));
        Assert.Equal("Cancelled", Single(trace, "RunActivity:NotifyCaller").GetTagItem("cancelworkflows.outcome"));
        var eligibility = Single(trace, "RunActivity:CheckEligibility");
        Assert.Equal("CARD", eligibility.GetTagItem("cancelworkflows.payment_method"));
        Assert.NotNull(eligibility.GetTagItem("cancelworkflows.rule"));
        Assert.Contains("/v1/payments/cancel", (string?)Assert.Single(HttpChildren(trace, cancel)).GetTagItem("url.full"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UUS_ThreeCancelAttemptSpans_EachWithItsHttpCall_BackoffVisibleBetweenThem_A3()
    {
        var (id, request) = await CancelAnsweringUAsync(2);
        var trace = await service.TraceAsync(
            request.TraceId, t => t.Count(s => s.DisplayName == "RunActivity:CancelPayment") == 3, "three cancel attempts");
        var attempts = trace.Where(s => s.DisplayName == "RunActivity:CancelPayment").OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal([1, 2, 3], attempts.Select(a => (int)a.GetTagItem("cancelworkflows.cancel.attempt")!));
        Assert.Equal(["U", "U", "S"], attempts.Select(a => (string)a.GetTagItem("cancelworkflows.antom.result_status")!));
        foreach (var attempt in attempts)
        {
            Assert.Single(HttpChildren(trace, attempt));
        }

        // Cancel:RetryDelays are 1 s here: the U-retry backoff is the gap between one attempt's end and the next's start.
        for (var i = 1; i < attempts.Count; i++)
        {
            var gap = attempts[i].StartTimeUtc - (attempts[i - 1].StartTimeUtc + attempts[i - 1].Duration);
            Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"gap before attempt {i + 1} was {gap}");
        }

        // One log line per attempt, written in that attempt's span; one for the outcome, scoped with the same trace.
        var traceId = request.TraceId.ToHexString();
        foreach (var (attempt, number) in attempts.Select((a, i) => (a, i + 1)))
        {
            var line = Assert.Single(service.LogLines, l => l.Message.StartsWith($"Cancel attempt {number} for {id}/", StringComparison.Ordinal));
            Assert.Equal((traceId, attempt.SpanId.ToHexString()), (line.TraceId, line.SpanId));
        }

        var outcome = await Eventually(() => service.LogLines.FirstOrDefault(l => l.Message.StartsWith("Outcome Cancelled by A3 for " + id, StringComparison.Ordinal)), "the outcome's log line");
        Assert.Equal(traceId, outcome.Scope.GetValueOrDefault("TraceId"));
        Assert.Single(service.LogLines, l => l.Message.StartsWith("Outcome ", StringComparison.Ordinal) && l.Message.Contains(id, StringComparison.Ordinal));
    }

    /// <summary>
    /// A promotion run fired by its Schedule (no caller, so no trace to join): its activities share one trace of its
    /// own; each hold's cancellation has a trace of its own; the run's page of holds links to each, and each links back.
    /// </summary>
    [Fact]
    public async Task Promotion_RunsPageLinksToEachHoldsCancellationTrace_EachLinksBackToTheRun()
    {
        var promoId = PromotionApiCalls.NewPromoId("trace");
        var holds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = $"{promoId}-h{i}";
            await service.Cluster.Simulator.Control.PutPaymentAsync(id, new SimPaymentInput
            {
                PaymentMethodType = "ALIPAY_CN",
                PaymentStatus = "PROCESSING",
                PaymentAmount = new AntomAmount("USD", "1000"),
            });
            holds.Add(id);
        }

        service.Holds.Serve(promoId, [.. holds.Select(id => new UnpaidHold(id, $"BK-{id}", null))], pageSize: 10);
        using (var created = await service.Operator.CreatePromotionAsync(new { promoId, endsAt = PromotionApiCalls.InAnHour() }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var trigger = await service.Operator.PostAsync($"v1/promotions/{promoId}/trigger", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        }

        await service.Operator.WaitForCompletedRunAsync(promoId, notRunId: null, ObservedService.Timeout);
        var page = await Eventually(
            () => service.Spans.FirstOrDefault(s => s.DisplayName == "RunActivity:ListUnpaidHolds"
                && ((string?)s.GetTagItem("temporal.workflow.id"))?.StartsWith($"promo-expiry-{promoId}-", StringComparison.Ordinal) == true),
            "the run's page read");
        Assert.Equal(3, page.Links.Count());
        Assert.Equal(3, page.GetTagItem("cancelworkflows.promotion.holds_linked"));
        foreach (var id in holds)
        {
            var spans = await service.TraceAsync(
                Assert.Single(page.Links, l => service.Spans.Any(s => s.TraceId == l.Context.TraceId && Equals(s.GetTagItem("temporal.workflow.id"), $"cancel-{id}"))).Context.TraceId,
                t => Has(t, "RunActivity:CancelPayment"),
                $"the cancellation of hold {id}");
            Assert.NotEqual(page.TraceId, spans[0].TraceId);
            var activities = spans.Where(s => s.DisplayName.StartsWith("RunActivity:", StringComparison.Ordinal)).ToList();
            Assert.All(activities, s => Assert.Equal($"cancel-{id}", s.GetTagItem("temporal.workflow.id")));
            Assert.All(activities, s => Assert.Contains(s.Links, l => l.Context.TraceId == page.TraceId));
        }
    }

    [Fact]
    public async Task Escalation_SupportWebhookSpanWithItsHttpCall_InTheCancellationsTrace_A4()
    {
        var (_, request) = await CancelAnsweringUAsync(4);
        var trace = await service.TraceAsync(request.TraceId, t => Has(t, "RunActivity:EscalateToSupport"), "support webhook");
        Assert.Equal(4, trace.Count(s => s.DisplayName == "RunActivity:CancelPayment"));
        Assert.Contains(trace, s => s.DisplayName == "RunActivity:InquirePayment");
        var support = Single(trace, "RunActivity:EscalateToSupport");
        Assert.Single(HttpChildren(trace, support));
    }

    [Fact]
    public async Task LateSuccess_AfterTheWorkflowClosed_IngressTraceLinksToTheCancellation_ReconciliationContinuesIt_C5()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var payment = await service.Cluster.Simulator.Control.PutPaidCardPaymentAsync(id);
        using var response = await service.Booking.PostCancellationAsync(new { paymentRequestId = id });
        response.EnsureSuccessStatusCode();
        var request = await RequestSpanAsync(id);
        await WaitClosedAsync($"cancel-{id}");

        var answer = await service.Notifications.PostSignedAsync(NotificationBodies.PaymentResult(id, payment.PaymentId));
        Assert.True(answer.IsExactAcknowledgement, answer.Body);

        var ingress = await Eventually(
            () => service.Spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("cancelworkflows.notification.verdict"), NotificationVerdicts.RoutedToReconciliation)
                && Equals(s.GetTagItem("cancelworkflows.payment_request_id"), id)),
            "the ingress request span");
        Assert.NotEqual(request.TraceId, ingress.TraceId);
        var trace = await service.TraceAsync(request.TraceId, t => Has(t, "ReconcileLateNotification") && Has(t, "RunActivity:CheckRefund"), "the reconciliation");
        var joined = Single(trace, "ReconcileLateNotification");
        Assert.Contains(ingress.Links, l => l.Context.TraceId == request.TraceId && l.Context.SpanId == joined.SpanId);
        Assert.Contains(joined.Links, l => l.Context.SpanId == ingress.SpanId);
        Assert.Equal($"reconcile-{id}", Single(trace, "StartWorkflow:RefundReconciliationWorkflow").GetTagItem("temporal.workflow.id"));
    }

    /// <summary>A paid card payment Antom answers U <paramref name="uAnswers"/> times, cancelled through the API: its id
    /// and the API request's span.</summary>
    private async Task<(string Id, Activity Request)> CancelAnsweringUAsync(int uAnswers)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await service.Cluster.Simulator.Control.PutPaidCardPaymentAsync(id);
        await service.Cluster.Simulator.Control.QueueFaultsAsync(id, new SimFault { Kind = "U", Count = uAnswers });

        using var response = await service.Booking.PostCancellationAsync(new { paymentRequestId = id });
        response.EnsureSuccessStatusCode();
        return (id, await RequestSpanAsync(id));
    }

    private async Task<Activity> RequestSpanAsync(string paymentRequestId) => await Eventually(
        () => service.Spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("cancelworkflows.payment_request_id"), paymentRequestId)
            && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)),
        $"the API request span of {paymentRequestId}");

    private async Task WaitClosedAsync(string workflowId)
    {
        var handle = service.Cluster.Temporal.GetWorkflowHandle(workflowId);
        await Api.Eventually.ReturnsAsync(async () => (await handle.DescribeAsync()).Status, status => status != WorkflowExecutionStatus.Running, ObservedService.Timeout, $"{workflowId} closed");
    }

    private static async Task<T> Eventually<T>(Func<T?> read, string what)
        where T : class =>
        (await Api.Eventually.ReturnsAsync(() => Task.FromResult(read()), found => found is not null, ObservedService.Timeout, what))!;

    private static bool Has(IReadOnlyList<Activity> trace, string name) => trace.Any(s => s.DisplayName == name);

    private static Activity Single(IReadOnlyList<Activity> trace, string name)
    {
        var found = trace.Where(s => s.DisplayName == name).ToList();
        Assert.True(found.Count == 1, $"{found.Count} spans named {name} in: {string.Join(", ", trace.Select(s => s.DisplayName))}");
        return found[0];
    }

    /// <summary>The outgoing HTTP calls made directly inside <paramref name="parent"/>.</summary>
    private static List<Activity> HttpChildren(IReadOnlyList<Activity> trace, Activity parent) =>
        [.. trace.Where(s => s.ParentSpanId == parent.SpanId && s.Kind == ActivityKind.Client && s.GetTagItem("http.request.method") is not null)];

    private static bool IsDescendant(IReadOnlyList<Activity> trace, Activity span, Activity ancestor)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
