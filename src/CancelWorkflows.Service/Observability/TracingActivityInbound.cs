using System.Diagnostics;
using Temporalio.Activities;
using Temporalio.Worker.Interceptors;

namespace CancelWorkflows.Service.Observability;

/// <summary>Activity side: runs each activity inside a span whose parent is the trace that started the workflow.</summary>
internal sealed class TracingActivityInbound(ActivityInboundInterceptor next) : ActivityInboundInterceptor(next)
{
    public override async Task<object?> ExecuteActivityAsync(ExecuteActivityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parent = TraceHeader.Parse(input.Headers) ?? default;
        using var span = TemporalTracingInterceptor.Source.StartActivity(
            $"RunActivity:{input.Activity.Name ?? "dynamic"}", ActivityKind.Server, parent);
        if (span is not null)
        {
            var info = ActivityExecutionContext.Current.Info;
            span.SetTag("temporal.workflow.id", info.WorkflowId);
            span.SetTag("temporal.activity.attempt", info.Attempt);
        }

        try
        {
            return await base.ExecuteActivityAsync(input);
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }
}
