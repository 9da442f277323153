using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Cancel;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Promotions;

/// <summary>
/// Cancels every unpaid hold of an ended promotion (C6), started by the Schedule <c>promo-expiry-&lt;promoId&gt;</c>:
/// pages through the booking service's holds, starts one child <see cref="CancelPaymentWorkflow"/> per hold with the
/// same id any other start would use (<c>cancel-&lt;paymentRequestId&gt;</c>, so no hold is ever cancelled twice),
/// in unpaid-only mode (a hold paid meanwhile is left alone), with bounded parallelism, continuing as new every N
/// holds. Children report their outcome by signal; their watch windows outlive the run (parent-close policy Abandon).
/// </summary>
[Workflow(TemporalNames.PromoExpiryWorkflow)]
public sealed class PromoExpiryWorkflow
{
    private readonly PromoProgress progress;
    private readonly Dictionary<string, HoldDecided> decided = new(StringComparer.Ordinal);

    [WorkflowInit]
    public PromoExpiryWorkflow(PromoExpiryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        progress = request.Progress ?? new PromoProgress { PromoId = request.PromoId };
    }

    [WorkflowRun]
    public async Task<PromoProgress> RunAsync(PromoExpiryRequest request)
    {
        progress.StartedAt ??= Workflow.UtcNow;
        var startedThisRun = 0;
        var inFlight = new List<Task>();
        while (!progress.LastPageRead)
        {
            var page = await ListHoldsAsync(request.PromoId);
            progress.PagesRead++;
            progress.HoldsListed += page.Holds.Count;
            foreach (var hold in page.Holds)
            {
                while (inFlight.Count >= Math.Max(1, request.MaxParallel))
                {
                    await Workflow.WhenAnyAsync(inFlight);
                    inFlight.RemoveAll(t => t.IsCompleted);
                }

                inFlight.Add(CancelHoldAsync(hold, request));
                startedThisRun++;
            }

            progress.PageToken = page.NextPageToken;
            progress.LastPageRead = page.NextPageToken is null;
            Workflow.CurrentDetails = $"Promotion {request.PromoId}: {progress.PagesRead} pages, {progress.HoldsListed} holds listed, {progress.Finished} finished.";
            if (!progress.LastPageRead && (startedThisRun >= request.ContinueAsNewEvery || Workflow.ContinueAsNewSuggested))
            {
                // Drain first: every child started by this run reports to this run.
                await Workflow.WhenAllAsync(inFlight);
                await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
                progress.Runs++;
                var next = request with { Progress = progress };
                throw Workflow.CreateContinueAsNewException((PromoExpiryWorkflow wf) => wf.RunAsync(next));
            }
        }

        await Workflow.WhenAllAsync(inFlight);
        progress.Completed = true;
        progress.FinishedAt = Workflow.UtcNow;
        Workflow.CurrentDetails = $"Promotion {request.PromoId} done: {progress.HoldsListed} holds, {progress.Finished} finished, {progress.AlreadyHandled} already handled.";
        return progress;
    }

    [WorkflowQuery(TemporalNames.StatusQuery)]
    public PromoProgress Status => progress;

    /// <summary>A hold's cancel workflow reports its decided outcome.</summary>
    [WorkflowSignal(TemporalNames.HoldDecidedSignal)]
    public Task HoldDecidedAsync(HoldDecided hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        decided.TryAdd(hold.PaymentRequestId, hold);
        return Task.CompletedTask;
    }

    private Task<HoldsPage> ListHoldsAsync(string promoId) =>
        Workflow.ExecuteActivityAsync(
            (HoldsActivities a) => a.ListUnpaidHoldsAsync(new(promoId, progress.PageToken)),
            new()
            {
                StartToCloseTimeout = TimeSpan.FromSeconds(30),
                // The booking service may be down for a while: keep trying for up to a day, never skip a page.
                ScheduleToCloseTimeout = TimeSpan.FromHours(24),
                RetryPolicy = new()
                {
                    InitialInterval = TimeSpan.FromSeconds(1),
                    MaximumInterval = TimeSpan.FromMinutes(1),
                    NonRetryableErrorTypes = [HoldsActivities.NotConfiguredErrorType, HoldsActivities.RejectedErrorType],
                },
                Summary = $"list unpaid holds of {promoId}, page {progress.PagesRead + 1}",
            });

    private async Task CancelHoldAsync(UnpaidHold hold, PromoExpiryRequest request)
    {
        var id = hold.PaymentRequestId;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            progress.Failed++;
            return;
        }

        ChildWorkflowHandle<CancelPaymentWorkflow, CancelStatus> child;
        try
        {
            child = await Workflow.StartChildWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest
                {
                    PaymentRequestId = id,
                    BookingRef = hold.BookingRef,
                    PromoId = request.PromoId,
                    Mode = CancelMode.UnpaidOnly,
                    Reason = $"promotion {request.PromoId} ended",
                    RequestedBy = $"promo-expiry:{request.PromoId}",
                    Settings = request.Settings,
                }),
                new()
                {
                    Id = CancelWorkflowIds.For(id, null),
                    IdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate,
                    ParentClosePolicy = Temporalio.Workflows.ParentClosePolicy.Abandon,
                    StaticSummary = $"Cancel unpaid hold {hold.BookingRef ?? id} (promotion {request.PromoId} ended)",
                    TypedSearchAttributes = HoldAttributes(hold, request.PromoId),
                });
        }
        catch (WorkflowAlreadyStartedException)
        {
            // Cancelled by hand, by an earlier run, or running now: never a second cancel.
            progress.AlreadyHandled++;
            return;
        }

        progress.Started++;
        progress.InFlight++;
        var result = child.GetResultAsync();
        await Workflow.WhenAnyAsync(Workflow.WaitConditionAsync(() => decided.ContainsKey(id)), result);
        progress.InFlight--;
        if (decided.TryGetValue(id, out var report))
        {
            Count(report);
            return;
        }

        try
        {
            var status = await result;
            Count(new HoldDecided(id, status.Outcome, status.Rule, status.Escalated, status.LateSuccess));
        }
        catch (ChildWorkflowFailureException)
        {
            progress.Failed++;
        }
    }

    private void Count(HoldDecided hold)
    {
        var outcome = hold.Outcome ?? "Unknown";
        progress.ByOutcome[outcome] = progress.ByOutcome.GetValueOrDefault(outcome) + 1;
        if (outcome == CancelOutcomes.NotCancellable && hold.Rule == "C2")
        {
            progress.PaidLeftAlone++;
        }

        progress.Escalations += hold.Escalated ? 1 : 0;
        progress.LateSuccesses += hold.LateSuccess ? 1 : 0;
    }

    private static SearchAttributeCollection HoldAttributes(UnpaidHold hold, string promoId)
    {
        var builder = new SearchAttributeCollection.Builder()
            .Set(CancelSearchAttributes.PaymentRequestId, hold.PaymentRequestId)
            .Set(CancelSearchAttributes.PromoId, promoId);
        if (hold.BookingRef is { Length: > 0 } bookingRef)
        {
            builder.Set(CancelSearchAttributes.BookingRef, bookingRef);
        }

        return builder.ToSearchAttributeCollection();
    }
}
