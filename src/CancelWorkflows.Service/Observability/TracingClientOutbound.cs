using System.Diagnostics;
using Temporalio.Client;
using Temporalio.Client.Interceptors;

namespace CancelWorkflows.Service.Observability;

/// <summary>Client side: a short span per start/signal/query, whose context travels in the workflow header.</summary>
internal sealed class TracingClientOutbound(ClientOutboundInterceptor next) : ClientOutboundInterceptor(next)
{
    public override async Task<WorkflowHandle<TWorkflow, TResult>> StartWorkflowAsync<TWorkflow, TResult>(StartWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var span = StartSpan($"StartWorkflow:{input.Workflow}", input.Options.Id);
        return await base.StartWorkflowAsync<TWorkflow, TResult>(input with { Headers = TraceHeader.With(input.Headers, span ?? Activity.Current) });
    }

    public override async Task SignalWorkflowAsync(SignalWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var span = StartSpan($"SignalWorkflow:{input.Signal}", input.Id);
        await base.SignalWorkflowAsync(input with { Headers = TraceHeader.With(input.Headers, span ?? Activity.Current) });
    }

    public override async Task<TResult> QueryWorkflowAsync<TResult>(QueryWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var span = StartSpan($"QueryWorkflow:{input.Query}", input.Id);
        return await base.QueryWorkflowAsync<TResult>(input with { Headers = TraceHeader.With(input.Headers, span ?? Activity.Current) });
    }

    private static Activity? StartSpan(string name, string? workflowId)
    {
        var span = TemporalTracingInterceptor.Source.StartActivity(name, ActivityKind.Client);
        span?.SetTag("temporal.workflow.id", workflowId);
        return span;
    }
}
