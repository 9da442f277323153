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
/// holds. A child reports its outcome by its result when it closes at its outcome, by a <c>HoldDecided</c> signal when it
/// is escalated (before it waits on support) or was started before <see cref="CancelPatches.PromoChildReportsByResult"/>;
/// whichever comes first counts. Children outlive the run if they must (parent-close policy Abandon).
/// </summary>
[Workflow(TemporalNames.PromoExpiryWorkflow)]
public sealed class PromoExpiryWorkflow
{
    /// <summary>
    /// Continue-as-new is decided per hold, not per page: a child stays a pending child of the run that started it until
    /// it closes (25 h), so a run that took a whole large page (or a holds source that ignores page sizes) past
    /// Temporal's 2,000 pending children could start no more. Runs recorded before it go on deciding per page.
    /// </summary>
    public const string ContinueAsNewPerHoldPatch = "continue-as-new-per-hold";

    /// <summary>Children start with id reuse policy AllowDuplicateFailedOnly (was RejectDuplicate), so a hold whose
    /// cancel workflow failed (its status could not be read) is tried again by a later trigger of the promotion.</summary>
    public const string RetryUnreadableHoldsPatch = "retry-unreadable-holds";

    /// <summary>A hold whose paymentRequestId starts with <c>pid-</c> is not started: its workflow id would be that of the
    /// cancellation by Antom paymentId (<see cref="CancelWorkflowIds.IsReservedPaymentRequestId"/>).</summary>
    public const string ReservedIdPatch = "reserved-pid-hold-ids";

    /// <summary>The cancel workflow's typed failure when a hold's eligibility inquiry gave no usable answer (nothing was
    /// cancelled); counted as <see cref="PromoProgress.StatusUnreadable"/> when its <c>HoldDecided</c> report was lost.</summary>
    public const string StatusUnreadableErrorType = CancelFailureTypes.PaymentStatusUnreadable;

    private readonly PromoProgress progress;
    private readonly Dictionary<string, HoldDecided> decided = new(StringComparer.Ordinal);
    private readonly List<Task> inFlight = [];
    private WorkflowIdReusePolicy childIdReusePolicy = WorkflowIdReusePolicy.RejectDuplicate;

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

        // Both decided before the first command, so a run recorded before either capability replays without it, whole.
        var perHold = Workflow.Patched(ContinueAsNewPerHoldPatch);
        if (Workflow.Patched(RetryUnreadableHoldsPatch))
        {
            childIdReusePolicy = WorkflowIdReusePolicy.AllowDuplicateFailedOnly;
        }

        if (perHold)
        {
            await RunPerHoldAsync(request);
        }
        else
        {
            await RunPerPageAsync(request);
        }

        await Workflow.WhenAllAsync(inFlight);
        progress.Completed = true;
        progress.FinishedAt = Workflow.UtcNow;
        Workflow.CurrentDetails = $"Promotion {request.PromoId} done: {progress.HoldsListed} holds, {progress.Finished} finished " +
            $"({progress.StatusUnreadable} status unreadable, {progress.Failed} failed), {progress.AlreadyHandled} already handled, {progress.Runs} runs.";
        return progress;
    }

    [WorkflowQuery(TemporalNames.StatusQuery)]
    public PromoProgress Status => progress;

    /// <summary>A hold's cancel workflow reports its decided outcome (or that its status could not be read).</summary>
    [WorkflowSignal(TemporalNames.HoldDecidedSignal)]
    public Task HoldDecidedAsync(HoldDecided hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        decided.TryAdd(hold.PaymentRequestId, hold);
        return Task.CompletedTask;
    }

    /// <summary>A2: an id Antom accepts (a hold the holds source listed without one is counted failed, never started).</summary>
    private static bool IsStartable(UnpaidHold? hold) => !string.IsNullOrWhiteSpace(hold?.PaymentRequestId) && hold.PaymentRequestId.Length <= 64;

    private static string RequestedBy(string promoId) => $"promo-expiry:{promoId}";

    private static SearchAttributeCollection HoldAttributes(UnpaidHold hold, string promoId)
    {
        var builder = new SearchAttributeCollection.Builder()
            .Set(CancelSearchAttributes.PaymentRequestId, hold.PaymentRequestId)
            .Set(CancelSearchAttributes.PromoId, promoId)
            // The caller the API's ownership checks use: a promotion's holds are listed to operators only.
            .Set(CancelSearchAttributes.RequestedBy, RequestedBy(promoId));
        if (hold.BookingRef is { Length: > 0 } bookingRef)
        {
            builder.Set(CancelSearchAttributes.BookingRef, bookingRef);
        }

        return builder.ToSearchAttributeCollection();
    }

    /// <summary>
    /// Takes up holds one by one, the previous run's carried holds first, and reads the next page only when none is
    /// waiting. Before each hold: once this run has taken up <c>ContinueAsNewEvery</c> (or Temporal suggests it), it
    /// continues as new with the holds still waiting — at most the rest of one page — and the token of the next page,
    /// so no run starts more than <c>ContinueAsNewEvery</c> children and no hold is skipped or started twice.
    /// </summary>
    private async Task RunPerHoldAsync(PromoExpiryRequest request)
    {
        var every = Math.Clamp(request.ContinueAsNewEvery, 1, PromoExpiryRequest.MaxContinueAsNewEvery);
        var waiting = new Queue<UnpaidHold>(request.CarriedHolds ?? []);
        var takenUp = new HashSet<string>(StringComparer.Ordinal);
        progress.StartedThisRun = 0;
        progress.CarriedHolds = waiting.Count;
        progress.WaitingHolds = waiting.Count;
        ShowProgress();
        while (waiting.Count > 0 || !progress.LastPageRead)
        {
            if (progress.StartedThisRun >= every || (progress.StartedThisRun > 0 && Workflow.ContinueAsNewSuggested))
            {
                await ContinueAsNewAsync(request with { CarriedHolds = [.. waiting] });
            }

            if (waiting.Count == 0)
            {
                var page = await ReadPageAsync(request.PromoId);
                progress.PageToken = page.NextPageToken;
                progress.LastPageRead = page.NextPageToken is null;
                foreach (var listed in page.Holds)
                {
                    waiting.Enqueue(listed);
                }

                progress.WaitingHolds = waiting.Count;
                ShowProgress();
                continue;
            }

            var hold = waiting.Dequeue();
            progress.WaitingHolds = waiting.Count;
            if (!IsStartable(hold))
            {
                progress.Failed++;
                continue;
            }

            if (!takenUp.Add(hold.PaymentRequestId))
            {
                // Listed twice: this run already has its cancel (one that failed is retried by a later trigger, not now).
                progress.AlreadyHandled++;
                continue;
            }

            await WaitForRoomAsync(request.MaxParallel);
            progress.StartedThisRun++;
            inFlight.Add(CancelHoldAsync(hold, request));
            ShowProgress();
        }
    }

    /// <summary>Runs recorded before <see cref="ContinueAsNewPerHoldPatch"/>: a whole page at a time, continue-as-new
    /// decided after each page. Kept command for command so they replay.</summary>
    private async Task RunPerPageAsync(PromoExpiryRequest request)
    {
        var startedThisRun = 0;
        while (!progress.LastPageRead)
        {
            var page = await ReadPageAsync(request.PromoId);
            foreach (var hold in page.Holds)
            {
                await WaitForRoomAsync(request.MaxParallel);
                inFlight.Add(CancelHoldAsync(hold, request));
                startedThisRun++;
            }

            progress.PageToken = page.NextPageToken;
            progress.LastPageRead = page.NextPageToken is null;
            ShowProgress();
            if (!progress.LastPageRead && (startedThisRun >= request.ContinueAsNewEvery || Workflow.ContinueAsNewSuggested))
            {
                await ContinueAsNewAsync(request);
            }
        }
    }

    private async Task<HoldsPage> ReadPageAsync(string promoId)
    {
        var page = await Workflow.ExecuteActivityAsync(
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
        progress.PagesRead++;
        progress.HoldsListed += page.Holds.Count;
        return page;
    }

    private async Task WaitForRoomAsync(int maxParallel)
    {
        while (inFlight.Count >= Math.Max(1, maxParallel))
        {
            await Workflow.WhenAnyAsync(inFlight);
            inFlight.RemoveAll(t => t.IsCompleted);
        }
    }

    /// <summary>Drains first: every child this run started reports to it (the next run would not be waiting for it).</summary>
    private async Task ContinueAsNewAsync(PromoExpiryRequest next)
    {
        await Workflow.WhenAllAsync(inFlight);
        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
        progress.Runs++;
        var carried = next with { Progress = progress };
        throw Workflow.CreateContinueAsNewException((PromoExpiryWorkflow wf) => wf.RunAsync(carried));
    }

    private async Task CancelHoldAsync(UnpaidHold hold, PromoExpiryRequest request)
    {
        if (!IsStartable(hold))
        {
            progress.Failed++;
            return;
        }

        var id = hold.PaymentRequestId;
        if (CancelWorkflowIds.IsReservedPaymentRequestId(id) && Workflow.Patched(ReservedIdPatch))
        {
            // cancel-pid-X is the workflow of the payment whose Antom paymentId is X: starting it for this hold would
            // reach another payment's cancellation. Counted failed, as a hold without a usable id is.
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
                    RequestedBy = RequestedBy(request.PromoId),
                    AntomMerchant = request.AntomMerchant,
                    Settings = request.Settings,
                }),
                new()
                {
                    Id = CancelWorkflowIds.For(id, null),
                    IdReusePolicy = childIdReusePolicy,
                    ParentClosePolicy = Temporalio.Workflows.ParentClosePolicy.Abandon,
                    StaticSummary = $"Cancel unpaid hold {hold.BookingRef ?? id} (promotion {request.PromoId} ended)",
                    TypedSearchAttributes = HoldAttributes(hold, request.PromoId),
                });
        }
        catch (WorkflowAlreadyStartedException)
        {
            // Cancelled by hand, by an earlier run, left alone, or running now: never a second cancel.
            progress.AlreadyHandled++;
            return;
        }

        progress.Started++;
        progress.InFlight++;
        var result = child.GetResultAsync();
        await Workflow.WhenAnyAsync(Workflow.WaitConditionAsync(() => decided.ContainsKey(id)), result);
        progress.InFlight--;
        if (decided.Remove(id, out var report))
        {
            Count(report);
        }
        else
        {
            // No report first: the child reports by its result (it closed at its outcome), or its report was lost.
            try
            {
                var status = await result;
                Count(new HoldDecided(id, status.Outcome, status.Rule, status.Escalated, status.LateSuccess));
            }
            catch (ChildWorkflowFailureException e) when (e.InnerException is ApplicationFailureException { ErrorType: StatusUnreadableErrorType })
            {
                progress.StatusUnreadable++;
            }
            catch (ChildWorkflowFailureException)
            {
                progress.Failed++;
            }
        }

        ShowProgress();
    }

    private void Count(HoldDecided hold)
    {
        if (hold.StatusUnreadable)
        {
            // Nothing was cancelled and the child fails: a count of its own, and a later trigger starts it again.
            progress.StatusUnreadable++;
            return;
        }

        var outcome = hold.Outcome ?? "Unknown";
        progress.ByOutcome[outcome] = progress.ByOutcome.GetValueOrDefault(outcome) + 1;
        // C2: paid; C5: pending (the buyer has paid, the result is awaited). Either way unpaid-only mode left it alone.
        if (outcome == CancelOutcomes.NotCancellable && hold.Rule is "C2" or "C5")
        {
            progress.PaidLeftAlone++;
        }

        progress.Escalations += hold.Escalated ? 1 : 0;
        progress.LateSuccesses += hold.LateSuccess ? 1 : 0;
    }

    /// <summary>Temporal Web's "current details" of the run: the same counts as the Status query, in a sentence.</summary>
    private void ShowProgress() =>
        Workflow.CurrentDetails = $"Promotion {progress.PromoId}, run {progress.Runs}: {progress.PagesRead} pages read, {progress.HoldsListed} holds listed, " +
            $"{progress.Started} started, {progress.AlreadyHandled} already handled, {progress.InFlight} in flight, {progress.Finished} finished " +
            $"({progress.StatusUnreadable} status unreadable, {progress.Failed} failed). This run: {progress.StartedThisRun} taken up, " +
            $"{progress.CarriedHolds} carried over from the previous run, {progress.WaitingHolds} waiting.";
}
