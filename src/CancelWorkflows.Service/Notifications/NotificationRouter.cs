using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Observability;
using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Reconciliation;
using Microsoft.Extensions.Options;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Notifications;

/// <summary>
/// Records a notification in Temporal (docs/design.md, "Notification ingress"): signal the payment's cancel workflow
/// (<c>cancel-&lt;paymentRequestId&gt;</c>, else <c>cancel-pid-&lt;paymentId&gt;</c>); if it has closed, signal-with-start the
/// payment's <c>RefundReconciliationWorkflow</c> (<c>reconcile-…</c>, never reused); if none exists, the payment was never
/// cancelled by this service. Any Temporal error propagates: the caller must then not acknowledge.
/// </summary>
/// <remarks>
/// A notification already recorded is not signalled again (a signal adds events to the history even when the workflow
/// ignores it, and Antom's re-sends and replays of a captured notification are many): first <see cref="RecordedNotificationIds"/>
/// in this process, then the target workflow's <c>HasNotification</c> query, which is what makes several ingress replicas
/// agree. A query that gets no answer (no worker, a worker without the query, its short deadline) means "signal": the
/// workflow deduplicates anyway. Then signal (the common path: query + signal); only a NotFound asks which case it is. A
/// workflow that is running at the describe after a NotFound signal was started in between: route again (at most
/// <see cref="MaxRounds"/> times).
/// </remarks>
public sealed class NotificationRouter(
    ITemporalClient client,
    CancelSettingsFactory settings,
    RecordedNotificationIds recorded,
    IOptions<NotificationOptions> options,
    ILogger<NotificationRouter> logger)
{
    public const int MaxRounds = 2;

    private readonly TimeSpan duplicateQueryTimeout = options.Value.EffectiveDuplicateQueryTimeout;

    /// <summary>The workflow ids to try, in order: by <c>paymentRequestId</c>, then by <c>paymentId</c> (a cancellation
    /// started with Antom's id only). Each with the reconciliation id of the same kind, so one payment gets one.</summary>
    public static IReadOnlyList<(string CancelWorkflowId, string ReconciliationWorkflowId)> Targets(string? paymentRequestId, string? paymentId)
    {
        var targets = new List<(string, string)>(2);
        // A paymentRequestId starting with pid- can have no workflow of its own (the API refuses it): its id would be that
        // of the cancellation by another payment's Antom paymentId. Such a notification is routed by its paymentId only.
        // An id with characters the API's id rules refuse (IdText) names no cancellation this service could have started:
        // Temporal is not asked (it may refuse such an id outright), so the notification is one of an unknown payment.
        if (!string.IsNullOrWhiteSpace(paymentRequestId) && !CancelWorkflowIds.IsReservedPaymentRequestId(paymentRequestId) && IdText.Problem(paymentRequestId) is null)
        {
            targets.Add((CancelWorkflowIds.For(paymentRequestId, null), ReconciliationWorkflowIds.For(paymentRequestId, null)));
        }

        if (!string.IsNullOrWhiteSpace(paymentId) && IdText.Problem(paymentId) is null)
        {
            targets.Add((CancelWorkflowIds.For(null, paymentId), ReconciliationWorkflowIds.For(null, paymentId)));
        }

        return targets;
    }

    /// <summary>Routes one notification; <paramref name="cancellationToken"/> carries the deadline for all Temporal calls.</summary>
    /// <exception cref="RpcException">Temporal refused or did not answer.</exception>
    /// <exception cref="OperationCanceledException">The deadline passed.</exception>
    /// <exception cref="NotificationRoutingRaceException">The cancel workflow kept appearing while routing.</exception>
    public async Task<NotificationRouting> RouteAsync(NotificationSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (recorded.TryGet(signal.NotificationId, out var recordedBy))
        {
            return new(NotificationRoute.AlreadyRecorded, recordedBy);
        }

        var routing = await RecordAsync(signal, cancellationToken);
        if (routing is { Route: NotificationRoute.CancelWorkflow or NotificationRoute.Reconciliation or NotificationRoute.AlreadyRecorded, WorkflowId: { } holder })
        {
            recorded.Add(signal.NotificationId, holder);
        }

        return routing;
    }

    private async Task<NotificationRouting> RecordAsync(NotificationSignal signal, CancellationToken cancellationToken)
    {
        var rpc = new RpcOptions { CancellationToken = cancellationToken };
        var targets = Targets(signal.PaymentRequestId, signal.PaymentId);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var appeared = false;
            foreach (var (cancelId, reconciliationId) in targets)
            {
                var handle = client.GetWorkflowHandle(cancelId);
                if (await HasRecordedAsync(handle, signal, cancellationToken))
                {
                    return new(NotificationRoute.AlreadyRecorded, cancelId);
                }

                if (await TrySignalAsync(handle, signal, rpc))
                {
                    return new(NotificationRoute.CancelWorkflow, cancelId);
                }

                var description = await DescribeOrNullAsync(handle, rpc);
                if (description is null)
                {
                    continue;
                }

                if (description.Status == WorkflowExecutionStatus.Running)
                {
                    appeared = true;
                    break;
                }

                var closed = await ClosedCancelWorkflow.ReadAsync(client, description, rpc);
                if (SignalPayloads.OtherMerchant(signal.AntomMerchant, closed.Request?.AntomMerchant) is { } otherMerchant)
                {
                    logger.LogWarning(
                        "Notification {NotificationId} ({Description}) for closed {CancelWorkflowId}: {Problem}; acknowledged, not reconciled",
                        signal.NotificationId,
                        signal.Description,
                        closed.WorkflowId,
                        otherMerchant);
                    return new(NotificationRoute.OtherMerchant, closed.WorkflowId);
                }

                if (await HasRecordedAsync(client.GetWorkflowHandle(reconciliationId), signal, cancellationToken))
                {
                    return new(NotificationRoute.AlreadyRecorded, reconciliationId);
                }

                return await ReconcileAsync(reconciliationId, closed, signal, rpc);
            }

            if (!appeared)
            {
                return new(NotificationRoute.UnknownPayment, null);
            }

            logger.LogInformation("Notification {NotificationId}: the cancel workflow started while it was routed; routing again", signal.NotificationId);
        }

        throw new NotificationRoutingRaceException($"The cancel workflow for {signal.PaymentRequestId ?? signal.PaymentId} changed state {MaxRounds} times while a notification was routed.");
    }

    /// <summary>
    /// The workflow's <c>HasNotification</c> answer within <see cref="NotificationOptions.DuplicateQueryTimeout"/>; false
    /// when there is none (no such workflow, no worker to answer, a worker from before the query existed, a workflow that
    /// has run no code yet, the deadline): then the caller signals, and the workflow deduplicates. Only the caller's own
    /// deadline propagates.
    /// </summary>
    private async Task<bool> HasRecordedAsync(WorkflowHandle handle, NotificationSignal signal, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(duplicateQueryTimeout);
        try
        {
            return await handle.QueryAsync<bool>(
                TemporalNames.HasNotificationQuery,
                [signal.NotificationId],
                new() { Rpc = new() { CancellationToken = deadline.Token } });
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation(
                "Notification {NotificationId}: {WorkflowId} did not say whether it recorded it ({Problem}); signalling, the workflow ignores a duplicate",
                signal.NotificationId,
                handle.Id,
                deadline.IsCancellationRequested ? $"no answer within {duplicateQueryTimeout}" : e.Message);
            return false;
        }
    }

    private static async Task<bool> TrySignalAsync(WorkflowHandle handle, NotificationSignal signal, RpcOptions rpc)
    {
        try
        {
            await handle.SignalAsync(signal.SignalName, [signal.Notice], new() { Rpc = rpc });
            return true;
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            // Never started, or already closed: the describe tells which.
            return false;
        }
    }

    private static async Task<WorkflowExecutionDescription?> DescribeOrNullAsync(WorkflowHandle handle, RpcOptions rpc)
    {
        try
        {
            return await handle.DescribeAsync(new() { Rpc = rpc });
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<NotificationRouting> ReconcileAsync(string reconciliationId, ClosedCancelWorkflow closed, NotificationSignal signal, RpcOptions rpc)
    {
        var request = new ReconciliationRequest
        {
            PaymentRequestId = signal.PaymentRequestId ?? closed.Request?.PaymentRequestId,
            PaymentId = signal.PaymentId ?? closed.Request?.PaymentId,
            CancelWorkflowId = closed.WorkflowId,
            CancelOutcome = closed.Outcome,
            CallbackUrl = closed.Request?.CallbackUrl,
            AntomMerchant = closed.Request?.AntomMerchant,
            Settings = settings.Create(),
        };
        var options = new WorkflowOptions(reconciliationId, TemporalNames.TaskQueue)
        {
            // One reconciliation per payment, ever: a finished one is not started again by a later re-send.
            IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
            TypedSearchAttributes = SearchAttributesOf(request),
            StaticSummary = $"Reconcile {request.PaymentRequestId ?? request.PaymentId} after {closed.WorkflowId} closed ({closed.Outcome ?? "no outcome"})",
            Rpc = rpc,
        };
        options.SignalWithStart(signal.SignalName, [signal.Notice]);

        // The reconciliation continues the cancellation's trace; this notification's own trace links to it.
        using var joined = CancelTracing.Join("ReconcileLateNotification", closed.Trace, reconciliationId);
        try
        {
            await client.StartWorkflowAsync((RefundReconciliationWorkflow wf) => wf.RunAsync(request), options);
            return new(NotificationRoute.Reconciliation, reconciliationId);
        }
        catch (WorkflowAlreadyStartedException)
        {
            logger.LogInformation(
                "Notification {NotificationId} ({Description}) for closed {CancelWorkflowId}: reconciliation {ReconciliationWorkflowId} has already finished; nothing to do",
                signal.NotificationId,
                signal.Description,
                closed.WorkflowId,
                reconciliationId);
            return new(NotificationRoute.ReconciliationClosed, reconciliationId);
        }
    }

    private static SearchAttributeCollection SearchAttributesOf(ReconciliationRequest request)
    {
        var builder = new SearchAttributeCollection.Builder();
        if (request.PaymentRequestId is { } prid)
        {
            builder.Set(CancelSearchAttributes.PaymentRequestId, prid);
        }

        if (request.PaymentId is { } pid)
        {
            builder.Set(CancelSearchAttributes.PaymentId, pid);
        }

        return builder.ToSearchAttributeCollection();
    }
}
