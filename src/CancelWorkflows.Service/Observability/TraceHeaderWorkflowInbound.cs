using Microsoft.Extensions.Logging;
using Temporalio.Api.Common.V1;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace CancelWorkflows.Service.Observability;

/// <summary>
/// Workflow side: copies the trace header the workflow was started with (or, started by a Schedule without one, a trace
/// derived from its workflow id) onto every activity, local activity and continue-as-new it schedules; gives each child
/// workflow a trace of its own that links back to this one; and puts the trace context of the last signal received onto
/// the activities scheduled after it (as a link: a notification's own trace then points at the work it caused). Pure
/// header copying and hashing of names, in the order the history gives: deterministic, and the same on replay.
/// </summary>
internal sealed class TraceHeaderWorkflowInbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
{
    private Payload? lastSignalTrace;

    public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, this));

    /// <summary>The workflow's own log lines (its outcome) carry the trace they belong to, as the activities' lines do
    /// (there the trace is the current span's): TraceId and the SpanId of the span that started the workflow.</summary>
    public override async Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
    {
        var trace = TraceHeader.FromPayload(RunTrace);
        using (trace is { } context ? Workflow.Logger.BeginScope(new Dictionary<string, object>
        {
            ["TraceId"] = context.TraceId.ToHexString(),
            ["SpanId"] = context.SpanId.ToHexString(),
        }) : null)
        {
            return await base.ExecuteWorkflowAsync(input);
        }
    }

    public override Task HandleSignalAsync(HandleSignalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Headers is { } headers && headers.TryGetValue(TraceHeader.Key, out var trace))
        {
            lastSignalTrace = trace;
        }

        return base.HandleSignalAsync(input);
    }

    /// <summary>The trace this run belongs to: the one it was started with, or, started without one (by a Schedule), its
    /// own derived from its workflow id.</summary>
    private static Payload RunTrace =>
        Workflow.Info.Headers is { } h && h.TryGetValue(TraceHeader.Key, out var trace) ? trace : TraceHeader.ToPayload(TraceHeader.RunTrace(Workflow.Info.WorkflowId));

    /// <summary>The context this run was started to link to (a promotion's run, for each hold's cancellation).</summary>
    private static Payload? StartedLink =>
        Workflow.Info.Headers is { } h && h.TryGetValue(TraceHeader.LinkKey, out var link) ? link : null;

    private static IDictionary<string, Payload> Carry(IDictionary<string, Payload>? headers, Payload? link = null)
    {
        var result = TraceHeader.With(headers, TraceHeader.Key, RunTrace);
        if ((link ?? StartedLink) is { } linked)
        {
            result[TraceHeader.LinkKey] = linked;
        }

        return result;
    }

    /// <summary>A child gets a trace of its own (a promotion's holds are thousands of cancellations, each read on its own),
    /// derived from both workflow ids, and links to this run's.</summary>
    private static IDictionary<string, Payload> ForChild(IDictionary<string, Payload>? headers, string? childWorkflowId)
    {
        if (childWorkflowId is null)
        {
            return Carry(headers);
        }

        var result = TraceHeader.With(headers, TraceHeader.Key, TraceHeader.ToPayload(TraceHeader.ChildTrace(Workflow.Info.WorkflowId, childWorkflowId)));
        result[TraceHeader.LinkKey] = RunTrace;
        return result;
    }

    private sealed class Outbound(WorkflowOutboundInterceptor next, TraceHeaderWorkflowInbound inbound) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input) =>
            base.ScheduleActivityAsync<TResult>(input with { Headers = Carry(input.Headers, inbound.lastSignalTrace) });

        public override Task<TResult> ScheduleLocalActivityAsync<TResult>(ScheduleLocalActivityInput input) =>
            base.ScheduleLocalActivityAsync<TResult>(input with { Headers = Carry(input.Headers, inbound.lastSignalTrace) });

        public override Task<ChildWorkflowHandle<TWorkflow, TResult>> StartChildWorkflowAsync<TWorkflow, TResult>(StartChildWorkflowInput input) =>
            base.StartChildWorkflowAsync<TWorkflow, TResult>(input with { Headers = ForChild(input.Headers, input.Options.Id) });

        public override ContinueAsNewException CreateContinueAsNewException(CreateContinueAsNewExceptionInput input) =>
            base.CreateContinueAsNewException(input with { Headers = Carry(input.Headers) });
    }
}
