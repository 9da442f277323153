using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Reconciliation;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Reads a cancellation's <c>Status</c>, and waits for its outcome by polling that query (25 ms doubling to 250 ms). Why
/// polling: an escalated cancellation has its outcome long before its result (support resolves it), runs started before
/// the cancel workflow closed at its outcome give their result only after the watch window (25 h), and update-with-start
/// would need an update handler in the workflow; the query needs neither, works for a start that found an existing
/// workflow, and adds at most 250 ms to an answer that takes at least one Antom round trip anyway.
/// A closed cancellation's status includes what the payment's reconciliation workflow recorded after the close (a late
/// success, the refund it expects, the notifications): one story for the caller, wherever the notification went.
/// </summary>
public sealed class CancelStatusReader(ITemporalClient client)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>The status, or null when there is no such workflow. A workflow still waiting for its <c>notBefore</c> has
    /// run no code that could answer the query (Temporal refuses it): its status then comes from describe, with
    /// <see cref="CancelStatus.ScheduledFor"/>; a closed one whose query failed answers with its result. Throws
    /// <see cref="RpcException"/> for Temporal's other errors.</summary>
    public async Task<CancelStatus?> ReadAsync(string workflowId, CancellationToken cancellationToken)
    {
        var rpc = new RpcOptions { CancellationToken = cancellationToken };
        var handle = client.GetWorkflowHandle<CancelPaymentWorkflow>(workflowId);
        try
        {
            var status = await handle.QueryAsync(wf => wf.Status, new WorkflowQueryOptions { Rpc = rpc });
            return status.Completed ? await WithLaterNotificationsAsync(workflowId, status, rpc) : status;
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException e) when (!TemporalProblems.IsUnavailable(e))
        {
            // Only asked when the query failed, so a GET costs one call in the usual case.
            var description = await handle.DescribeAsync(new() { Rpc = rpc });
            if (description.Status == Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Completed)
            {
                // A closed cancellation's result is its final status, read from its history without a worker (a query on a
                // closed workflow needs one to replay it, and may time out while workers come and go).
                var result = await ResultAsync(workflowId, description.RunId, cancellationToken);
                return await WithLaterNotificationsAsync(workflowId, result, rpc);
            }

            var scheduled = await ScheduledCancellation.StatusOfAsync(description, DateTime.UtcNow);
            if (scheduled is null)
            {
                throw;
            }

            return scheduled;
        }
    }

    /// <summary>
    /// The notifications that came after the cancellation closed are in its reconciliation workflow (<c>reconcile-…</c>,
    /// the same id after the prefix, started by the ingress); none when it does not exist. Its own "late success" and
    /// refund state win over the closed workflow's, which cannot change any more.
    /// </summary>
    private async Task<CancelStatus> WithLaterNotificationsAsync(string workflowId, CancelStatus status, RpcOptions rpc)
    {
        const string CancelPrefix = "cancel-";
        if (!workflowId.StartsWith(CancelPrefix, StringComparison.Ordinal))
        {
            return status;
        }

        // cancel-<paymentRequestId> ↔ reconcile-<paymentRequestId>, cancel-pid-<paymentId> ↔ reconcile-pid-<paymentId>.
        var reconciliationId = "reconcile-" + workflowId[CancelPrefix.Length..];
        CancelStatus later;
        try
        {
            later = await client.GetWorkflowHandle<RefundReconciliationWorkflow>(reconciliationId)
                .QueryAsync(wf => wf.Status, new WorkflowQueryOptions { Rpc = rpc });
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return status;
        }

        status.LateSuccess |= later.LateSuccess;
        status.Reconciliation = later.Reconciliation ?? status.Reconciliation;

        // A late notifyRefund settled the refund a RefundPending cancellation left open: its state, id and time win; the
        // attempts stay the closed workflow's, and so does the outcome (what was known when it closed).
        if (later.RefundFallback is { } settled)
        {
            var refund = status.RefundFallback ??= settled;
            refund.State = settled.State;
            refund.RefundId ??= settled.RefundId;
            refund.RefundTime = settled.RefundTime ?? refund.RefundTime;
            refund.ConfirmedBy = settled.ConfirmedBy;
        }

        status.Notifications.AddRange(later.Notifications);
        status.DuplicateNotifications += later.DuplicateNotifications;
        status.Steps.AddRange(later.Steps.Select(s => s with { Name = $"{reconciliationId}: {s.Name}" }));
        return status;
    }

    /// <summary>The result of a completed workflow (its final status), without asking a worker.</summary>
    public async Task<CancelStatus> ResultAsync(string workflowId, string runId, CancellationToken cancellationToken) =>
        await client.GetWorkflowHandle<CancelPaymentWorkflow, CancelStatus>(workflowId, runId)
            .GetResultAsync(followRuns: false, new RpcOptions { CancellationToken = cancellationToken });

    /// <summary>The status once it has an outcome, or the last one read (or null) when <paramref name="wait"/> passed first.</summary>
    public async Task<CancelStatus?> WaitForOutcomeAsync(string workflowId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        var pause = FirstPoll;
        CancelStatus? last = null;
        while (true)
        {
            // A query waits while a workflow task is in flight, and an Antom call (a local activity) runs inside one: each
            // poll ends with the wait, so the answer is a 202 on time rather than a 200 after the call.
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var untilDeadline = deadline - DateTimeOffset.UtcNow;
            poll.CancelAfter(untilDeadline > FirstPoll ? untilDeadline : FirstPoll);
            try
            {
                last = await ReadAsync(workflowId, poll.Token) ?? last;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The wait is over while the query waited.
            }
            catch (RpcException e) when (!TemporalProblems.IsUnavailable(e))
            {
                // E.g. asked before the first workflow task ran: not an answer yet, ask again.
            }
            catch (WorkflowQueryFailedException)
            {
                // Same: the workflow could not answer this time.
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (last?.Outcome is not null || left <= TimeSpan.Zero)
            {
                return last;
            }

            await Task.Delay(pause < left ? pause : left, cancellationToken);
            pause = pause * 2 < LongestPoll ? pause * 2 : LongestPoll;
        }
    }
}
