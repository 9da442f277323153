using Temporalio.Api.Common.V1;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace CancelWorkflows.Service.Observability;

/// <summary>
/// Workflow side: copies the trace header the workflow was started with onto every activity, local activity, child
/// workflow and continue-as-new it schedules; and the trace context of the last signal received onto the activities
/// scheduled after it (as a link: a notification's own trace then points at the work it caused). Pure header copying,
/// in the order the history gives: deterministic, and the same on replay.
/// </summary>
internal sealed class TraceHeaderWorkflowInbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
{
    private Payload? lastSignalTrace;

    public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, this));

    public override Task HandleSignalAsync(HandleSignalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Headers is { } headers && headers.TryGetValue(TraceHeader.Key, out var trace))
        {
            lastSignalTrace = trace;
        }

        return base.HandleSignalAsync(input);
    }

    private static IDictionary<string, Payload>? Carry(IDictionary<string, Payload>? headers, Payload? link = null)
    {
        var started = Workflow.Info.Headers is { } h && h.TryGetValue(TraceHeader.Key, out var trace) ? trace : null;
        if (started is null && link is null)
        {
            return headers;
        }

        var result = headers is null ? new Dictionary<string, Payload>() : new Dictionary<string, Payload>(headers);
        if (started is not null)
        {
            result[TraceHeader.Key] = started;
        }

        if (link is not null)
        {
            result[TraceHeader.LinkKey] = link;
        }

        return result;
    }

    private sealed class Outbound(WorkflowOutboundInterceptor next, TraceHeaderWorkflowInbound inbound) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input) =>
            base.ScheduleActivityAsync<TResult>(input with { Headers = Carry(input.Headers, inbound.lastSignalTrace) });

        public override Task<TResult> ScheduleLocalActivityAsync<TResult>(ScheduleLocalActivityInput input) =>
            base.ScheduleLocalActivityAsync<TResult>(input with { Headers = Carry(input.Headers, inbound.lastSignalTrace) });

        public override Task<ChildWorkflowHandle<TWorkflow, TResult>> StartChildWorkflowAsync<TWorkflow, TResult>(StartChildWorkflowInput input) =>
            base.StartChildWorkflowAsync<TWorkflow, TResult>(input with { Headers = Carry(input.Headers) });

        public override ContinueAsNewException CreateContinueAsNewException(CreateContinueAsNewExceptionInput input) =>
            base.CreateContinueAsNewException(input with { Headers = Carry(input.Headers) });
    }
}
