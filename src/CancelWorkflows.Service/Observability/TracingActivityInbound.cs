using System.Diagnostics;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Promotions;
using Temporalio.Activities;
using Temporalio.Exceptions;
using Temporalio.Worker.Interceptors;

namespace CancelWorkflows.Service.Observability;

/// <summary>
/// Activity side: runs each activity inside a span whose parent is the trace that started the workflow (linked to the
/// signal that led to it, if any), tagged with the workflow and attempt; and counts the deliveries to callers and to
/// support by result, whatever the activity's code does.
/// </summary>
internal sealed class TracingActivityInbound(ActivityInboundInterceptor next) : ActivityInboundInterceptor(next)
{
    /// <summary>Activity types (their <c>[Activity]</c> names) whose deliveries are counted, and the counter each goes to.</summary>
    private static readonly Dictionary<string, (string Name, string Unit, string Description)> Deliveries = new(StringComparer.Ordinal)
    {
        ["NotifyCaller"] = (CancelMetrics.CallbacksSent, "{callback}", "Callbacks to the calling service, by result"),
        ["EscalateToSupport"] = (CancelMetrics.SupportNoticesSent, "{notice}", "Support webhook calls, by result"),
    };

    public override async Task<object?> ExecuteActivityAsync(ExecuteActivityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parent = TraceHeader.Parse(input.Headers) ?? default;
        var links = TraceHeader.Parse(input.Headers, TraceHeader.LinkKey) is { } signal ? new[] { new ActivityLink(signal) } : null;
        var type = input.Activity.Name ?? "dynamic";
        using var span = TemporalTracingInterceptor.Source.StartActivity(
            $"RunActivity:{type}", ActivityKind.Server, parent, links: links);
        var info = ActivityExecutionContext.Current.Info;
        if (span is not null)
        {
            span.SetTag("temporal.workflow.id", info.WorkflowId);
            span.SetTag("temporal.run.id", info.WorkflowRunId);
            span.SetTag("temporal.workflow.type", info.WorkflowType);
            span.SetTag("temporal.activity.type", type);
            span.SetTag("temporal.activity.attempt", info.Attempt);
            TagNotice(span, input.Args);
        }

        try
        {
            var result = await base.ExecuteActivityAsync(input);
            if (span is not null && result is HoldsPage page && info.WorkflowId is { } runWorkflowId)
            {
                LinkHoldCancellations(span, runWorkflowId, page);
            }

            // Without Support:WebhookUrl the notice is only logged: not a delivery.
            CountDelivery(type, result is EscalationReceipt { Delivered: false } ? CancelMetrics.NotDelivered : CancelMetrics.Delivered);
            return result;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            span?.SetTag("error.type", e is ApplicationFailureException { ErrorType: { } errorType } ? errorType : e.GetType().FullName);
            CountDelivery(type, CancelMetrics.Failed);
            throw;
        }
    }

    /// <summary>
    /// A promotion run's page of holds links to the trace of each hold's cancellation, derived as the run's workflow
    /// derives it when it starts that child (<see cref="TraceHeader.ChildTrace"/>): from the run's trace, one click to any
    /// hold's cancellation. Holds without a usable id are never started, so not linked.
    /// </summary>
    private static void LinkHoldCancellations(Activity span, string runWorkflowId, HoldsPage page)
    {
        var linked = 0;
        foreach (var hold in page.Holds)
        {
            if (!string.IsNullOrWhiteSpace(hold?.PaymentRequestId) && !CancelWorkflowIds.IsReservedPaymentRequestId(hold.PaymentRequestId))
            {
                span.AddLink(new ActivityLink(TraceHeader.ChildTrace(runWorkflowId, CancelWorkflowIds.For(hold.PaymentRequestId, null))));
                linked++;
            }
        }

        span.SetTag("cancelworkflows.promotion.holds_linked", linked);
    }

    /// <summary>The callback and support activities do not tag their own spans (their code is about delivery): say here
    /// which payment and which outcome they deliver.</summary>
    private static void TagNotice(Activity span, IReadOnlyCollection<object?> args)
    {
        foreach (var arg in args)
        {
            switch (arg)
            {
                case CallerNotice notice:
                    span.SetTag("cancelworkflows.payment_request_id", notice.PaymentRequestId);
                    span.SetTag("cancelworkflows.payment_id", notice.PaymentId);
                    span.SetTag("cancelworkflows.outcome", notice.Outcome);
                    span.SetTag("cancelworkflows.callback.event", notice.Event);
                    break;
                case EscalationNotice notice:
                    span.SetTag("cancelworkflows.payment_request_id", notice.PaymentRequestId);
                    span.SetTag("cancelworkflows.payment_id", notice.PaymentId);
                    span.SetTag("cancelworkflows.escalation.notice", notice.NoticeNumber);
                    break;
            }
        }
    }

    private static void CountDelivery(string activityType, string result)
    {
        if (Deliveries.TryGetValue(activityType, out var counter))
        {
            ActivityExecutionContext.Current.MetricMeter
                .CreateCounter<long>(counter.Name, counter.Unit, counter.Description)
                .Add(1, [new(CancelMetrics.ResultTag, result)]);
        }
    }
}
