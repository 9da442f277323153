using System.Diagnostics;
using Temporalio.Client.Interceptors;
using Temporalio.Worker.Interceptors;

namespace CancelWorkflows.Service.Observability;

/// <summary>
/// Carries W3C trace context from the caller of a workflow into the workflow's activities, so one trace shows the API
/// request and the Antom calls it caused. Client side and activity side use ordinary spans; workflow code only copies
/// the header it was started with onto what it schedules — no span, no clock, nothing that could change on replay.
/// One instance serves as client and worker interceptor (Temporal gives a client interceptor that is also a worker
/// interceptor to every worker built on that client).
/// </summary>
public sealed class TemporalTracingInterceptor : IClientInterceptor, IWorkerInterceptor
{
    public static ActivitySource Source { get; } = new(TelemetryNames.TemporalActivitySource);

    public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) =>
        new TracingClientOutbound(nextInterceptor);

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) =>
        new TraceHeaderWorkflowInbound(nextInterceptor);

    public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) =>
        new TracingActivityInbound(nextInterceptor);
}
