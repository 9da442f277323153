using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The status of a cancellation started with <c>notBefore</c> whose time has not come: its workflow exists (start delay)
/// but has run no code, so there is no Status query to ask. Built from describe: the ids and booking from the search
/// attributes, the caller from the memo, and when it will start.
/// </summary>
public static class ScheduledCancellation
{
    public const string StepName = "scheduled";

    /// <summary>The scheduled status, or null when the workflow is not one waiting for its start time.</summary>
    public static async Task<CancelStatus?> StatusOfAsync(WorkflowExecutionDescription description, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (description.Status != WorkflowExecutionStatus.Running || description.ExecutionTime is not { } executionTime || executionTime <= utcNow)
        {
            return null;
        }

        var startsAt = ContractMapping.Utc(executionTime);
        var attributes = description.TypedSearchAttributes;
        var memo = await CancellationMemo.ReadAsync(description);
        return new CancelStatus
        {
            WorkflowId = description.Id,
            RunId = description.RunId,
            PaymentRequestId = attributes.TryGetValue(CancelSearchAttributes.PaymentRequestId, out var prid) ? prid : null,
            PaymentId = attributes.TryGetValue(CancelSearchAttributes.PaymentId, out var pid) ? pid : null,
            BookingRef = attributes.TryGetValue(CancelSearchAttributes.BookingRef, out var booking) ? booking : null,
            Merchant = attributes.TryGetValue(CancelSearchAttributes.Merchant, out var merchant) ? merchant : null,
            RequestedBy = memo.RequestedBy,
            ScheduledFor = startsAt,
            Steps = [new CancelStep(ContractMapping.Utc(description.StartTime), StepName, $"starts at {startsAt:O} (notBefore); Antom is not called before then")],
        };
    }
}
