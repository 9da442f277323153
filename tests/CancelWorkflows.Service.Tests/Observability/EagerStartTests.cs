using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Api.Enums.V1;

namespace CancelWorkflows.Service.Tests.Observability;

/// <summary>
/// A process that runs the API and the worker starts each cancellation eagerly: the dev server hands the first workflow
/// task back with the start's answer, to this process's worker, instead of through the task queue (one matching hop
/// less before the eligibility inquiry). An api-only process does not ask (RoleProcessTests).
/// </summary>
[Collection(ObservedServiceCollection.Name)]
public sealed class EagerStartTests(ObservedService service)
{
    [Fact]
    public async Task Start_ApiAndWorkerInOneProcess_FirstWorkflowTaskTakenEagerly_TheCancellationCompletesAsUsual()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        await service.Cluster.Simulator.Control.PutPaidCardPaymentAsync(id);

        using var response = await service.Booking.PostCancellationAsync(new { paymentRequestId = id });
        response.EnsureSuccessStatusCode();
        var status = await service.Booking.WaitForOutcomeAsync($"v1/cancellations/{id}", ObservedService.Timeout);

        var handle = service.Cluster.Temporal.GetWorkflowHandle($"cancel-{id}");
        var history = await handle.FetchHistoryAsync();
        var started = history.Events.First().WorkflowExecutionStartedEventAttributes;
        Assert.True(started.EagerExecutionAccepted, "the server accepted the eager start");
        var firstTask = history.Events.First(e => e.EventType == EventType.WorkflowTaskStarted);
        Assert.Equal(3, firstTask.EventId); // scheduled and started with the start, no poll in between
        Assert.Equal("Cancelled", (string?)status["outcome"]);
    }
}
