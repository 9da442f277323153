using Temporalio.Api.Common.V1;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace CancelWorkflows.Service.Observability;

/// <summary>
/// Workflow side: copies the trace header the workflow was started with onto every activity, local activity, child
/// workflow and continue-as-new it schedules. Pure header copying: deterministic, and the same on replay.
/// </summary>
internal sealed class TraceHeaderWorkflowInbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
{
    public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound));

    private static IDictionary<string, Payload>? Carry(IDictionary<string, Payload>? headers)
    {
        if (Workflow.Info.Headers is not { } started || !started.TryGetValue(TraceHeader.Key, out var trace))
        {
            return headers;
        }

        var result = headers is null ? new Dictionary<string, Payload>() : new Dictionary<string, Payload>(headers);
        result[TraceHeader.Key] = trace;
        return result;
    }

    private sealed class Outbound(WorkflowOutboundInterceptor next) : WorkflowOutboundInterceptor(next)
    {
        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input) =>
            base.ScheduleActivityAsync<TResult>(input with { Headers = Carry(input.Headers) });

        public override Task<TResult> ScheduleLocalActivityAsync<TResult>(ScheduleLocalActivityInput input) =>
            base.ScheduleLocalActivityAsync<TResult>(input with { Headers = Carry(input.Headers) });

        public override Task<ChildWorkflowHandle<TWorkflow, TResult>> StartChildWorkflowAsync<TWorkflow, TResult>(StartChildWorkflowInput input) =>
            base.StartChildWorkflowAsync<TWorkflow, TResult>(input with { Headers = Carry(input.Headers) });

        public override ContinueAsNewException CreateContinueAsNewException(CreateContinueAsNewExceptionInput input) =>
            base.CreateContinueAsNewException(input with { Headers = Carry(input.Headers) });
    }
}
