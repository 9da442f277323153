using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Reconciliation;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Cancel;

/// <summary>
/// Cancels one Antom payment and never loses track of it (design.md, "CancelPaymentWorkflow"):
/// validate (A2) → eligibility (W1–W5, N1–N3, C1–C5) → cancel (A1, A3) → bounded U-retry (A3, A4) → last inquiry →
/// escalation to support (A4) → outcome → watch window for late notifications (C4, C5).
/// Deterministic code only: time, timers and randomness come from <see cref="Workflow"/>.
/// </summary>
[Workflow(TemporalNames.CancelPaymentWorkflow)]
public sealed class CancelPaymentWorkflow
{
    private readonly CancelStatus status = new();
    private readonly LateNotifications notices = new();
    private readonly CallerCallbacks callbacks;
    private readonly RefundReconciler reconciler;
    private readonly SearchAttributeBatch searchAttributes = new();
    private EscalationResolution? resolution;
    private InquiryResult? lastInquiry;
    private bool reportedToPromotion;

    /// <summary>Runs before any signal handler, so notifications that arrive with the start are never lost.</summary>
    [WorkflowInit]
    public CancelPaymentWorkflow(CancelPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        callbacks = new CallerCallbacks(request.CallbackUrl);
        reconciler = new RefundReconciler(status, notices, request.Settings, callbacks);
    }

    [WorkflowRun]
    public async Task<CancelStatus> RunAsync(CancelPaymentRequest request)
    {
        Start(request);
        Validate(request);
        searchAttributes.Begin();

        var eligibility = await CheckEligibilityAsync(request);
        if (eligibility is null || Decide(eligibility))
        {
            var last = await CancelWithRetriesAsync(request);
            if (last is { Kind: CancelAnswerKind.Unknown })
            {
                await EscalateAsync(request, $"cancel answered U {status.Attempts.Count} times (A4)");
            }
        }

        searchAttributes.Flush();
        await ReportToPromotionAsync(request);
        callbacks.Send("outcome", status);
        await WatchAsync(request.Settings);
        return status;
    }

    [WorkflowQuery(TemporalNames.StatusQuery)]
    public CancelStatus Status => status;

    /// <summary>The ingress asks before signalling, so Antom's re-sends and replays add nothing to this history.</summary>
    [WorkflowQuery(TemporalNames.HasNotificationQuery)]
    public bool HasNotification(string notificationId) => notices.Has(notificationId);

    /// <summary>Support's resolution. The first one wins; later ones are recorded but change nothing.</summary>
    [WorkflowSignal(TemporalNames.ResolveEscalationSignal)]
    public Task ResolveEscalationAsync(EscalationResolution input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (resolution is null)
        {
            resolution = input with { ResolvedAt = input.ResolvedAt ?? Workflow.UtcNow };
            Step("resolution received", $"{input.Outcome} by {input.ResolvedBy}");
        }
        else
        {
            Step("resolution ignored", $"already resolved by {resolution.ResolvedBy}");
        }

        return Task.CompletedTask;
    }

    /// <summary>An Antom notifyPayment, at any step. A success for a payment being cancelled or cancelled does not revive
    /// it (C4): the refund it causes is reconciled once the outcome is known (C5).</summary>
    [WorkflowSignal(TemporalNames.PaymentNotifiedSignal)]
    public Task PaymentNotifiedAsync(PaymentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!notices.Receive(status, notice))
        {
            return Task.CompletedTask;
        }

        if (notice is { NotifyType: "PAYMENT_RESULT", ResultStatus: "S" })
        {
            status.Step("payment success notified", status.Outcome is null
                ? "during the cancel (C5): the cancel goes on; if it cancels, Antom refunds in full"
                : $"after the outcome {status.Outcome}");
        }
        else if (notice is { NotifyType: "PAYMENT_RESULT", ResultStatus: "F" })
        {
            status.Step("payment failure notified", "the payment failed: no refund is needed");
        }

        return Task.CompletedTask;
    }

    [WorkflowSignal(TemporalNames.RefundNotifiedSignal)]
    public Task RefundNotifiedAsync(RefundNotice notice)
    {
        notices.Receive(status, notice);
        return Task.CompletedTask;
    }

    private static ActivityOptions AntomCallOptions(string summary, int maximumAttempts) => new()
    {
        // The Antom client has its own (shorter) timeout per call; this one covers a worker that died mid-call.
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        RetryPolicy = new RetryPolicy
        {
            InitialInterval = TimeSpan.FromSeconds(2),
            BackoffCoefficient = 2,
            MaximumInterval = TimeSpan.FromMinutes(1),
            MaximumAttempts = maximumAttempts,
            NonRetryableErrorTypes = [AntomActivities.ConfigurationErrorType],
        },
        Summary = summary,
    };

    private void Start(CancelPaymentRequest request)
    {
        status.Begin(request.PaymentRequestId, request.PaymentId, request.Settings.TemporalWebBaseUrl);
        status.BookingRef = request.BookingRef;
        status.Merchant = request.Merchant;
        status.RequestedBy = request.RequestedBy;
        status.Reason = request.Reason;
        Step("requested", $"cancel {request.PaymentRequestId ?? request.PaymentId} for {request.RequestedBy ?? "a caller"}: {request.Reason ?? "no reason given"}");
    }

    /// <summary>A2: exactly the ids Antom accepts; bad input fails at once, typed, and nothing reaches Antom.</summary>
    private void Validate(CancelPaymentRequest request)
    {
        string? problem = null;
        if (string.IsNullOrWhiteSpace(request.PaymentRequestId) && string.IsNullOrWhiteSpace(request.PaymentId))
        {
            problem = "A2: neither paymentRequestId nor paymentId was given";
        }
        else if (request.PaymentRequestId?.Length > 64 || request.PaymentId?.Length > 64)
        {
            problem = "A2: payment ids are at most 64 characters";
        }
        else if (request.Settings.RetryDelays.Count > CancelSettings.MaxRetries)
        {
            problem = $"A4: at most {CancelSettings.MaxRetries} U-retries are allowed, {request.Settings.RetryDelays.Count} delays were given";
        }

        if (problem is null)
        {
            return;
        }

        status.Outcome = CancelOutcomes.InvalidRequest;
        status.Rule = problem[..2];
        status.Detail = problem;
        status.DecidedAt = Workflow.UtcNow;
        Step("invalid request", problem);
        WorkflowStory.Upsert(CancelSearchAttributes.CancelOutcome.ValueSet(CancelOutcomes.InvalidRequest));
        throw new ApplicationFailureException(problem, CancelFailureTypes.InvalidRequest, nonRetryable: true);
    }

    private async Task<EligibilityResult?> CheckEligibilityAsync(CancelPaymentRequest request)
    {
        try
        {
            var result = await Workflow.ExecuteActivityAsync(
                (AntomActivities a) => a.CheckEligibilityAsync(new(request.PaymentRequestId, request.PaymentId, request.Mode)),
                AntomCallOptions("eligibility: inquiryPayment + cancel windows", maximumAttempts: 6));
            if (result.Payment is { } payment)
            {
                status.PaymentId ??= payment.PaymentId;
                status.PaymentRequestId ??= payment.PaymentRequestId;
                status.PaymentMethod = payment.MethodType;
                status.PaymentMethodKnown = result.MethodKnown;
                status.PaymentStatusAtStart = payment.Status;
                status.PaymentCurrency = payment.Currency;
                status.PaymentValue = payment.Value;
                var updates = new List<SearchAttributeUpdate>();
                if (payment.MethodType is { } method)
                {
                    updates.Add(CancelSearchAttributes.PaymentMethod.ValueSet(method));
                }

                if (payment.PaymentId is { } paymentId)
                {
                    updates.Add(CancelSearchAttributes.PaymentId.ValueSet(paymentId));
                }

                Upsert([.. updates]);
            }

            return result;
        }
        catch (ActivityFailureException e)
        {
            // Antom's inquiry could not be read: the cancel call itself is authoritative (Antom applies its own
            // windows), so go on and let its answer decide.
            Step("eligibility unknown", $"inquiryPayment gave no usable answer ({e.InnerException?.Message ?? e.Message}); Antom's cancel answer decides");
            return null;
        }
    }

    /// <summary>Applies the eligibility verdict. True → go on to the cancel call.</summary>
    private bool Decide(EligibilityResult eligibility)
    {
        if (eligibility.Decision is not { } decision)
        {
            var code = eligibility.InquiryResultCode;
            status.NeedsEngineer = eligibility.ConfigurationError;
            Finish(CancelOutcomes.Rejected, rule: "A3", resultCode: code, detail: eligibility.ConfigurationError
                ? $"inquiryPayment refused: {code} — a configuration error, an engineer must act; nothing was cancelled"
                : $"inquiryPayment answered F {code}; nothing was cancelled");
            return false;
        }

        status.EligibilityRule = decision.Rule;
        Step("eligibility", $"{decision.Verdict} by {decision.Rule}: {decision.Reason}");
        switch (decision.Verdict)
        {
            case EligibilityVerdict.Proceed:
                return true;
            case EligibilityVerdict.AlreadyCancelled:
                Finish(CancelOutcomes.AlreadyCancelled, decision.Rule, null, decision.Reason);
                return false;
            default:
                status.Advice = decision.Advice;
                Finish(CancelOutcomes.NotCancellable, decision.Rule, null, decision.Reason);
                return false;
        }
    }

    /// <summary>The first call and at most three resends with the same ids while the answer is U (A3, A4).
    /// Returns the last classification; null only if the loop decided something else.</summary>
    private async Task<CancelAnswerClassification?> CancelWithRetriesAsync(CancelPaymentRequest request)
    {
        var delays = request.Settings.RetryDelays;
        var total = delays.Count + 1;
        CancelAnswerClassification? last = null;
        for (var attempt = 1; attempt <= total; attempt++)
        {
            var result = await CallCancelAsync(request, attempt, total);
            last = result.Classification;
            if (last.Kind != CancelAnswerKind.Unknown)
            {
                Conclude(result);
                return last;
            }

            if (attempt < total)
            {
                var delay = delays[attempt - 1];
                RetryCounter.Add(1);
                Step("U-retry scheduled", $"retry {attempt} of {delays.Count} in {delay} (A3: same request, same ids)");
                SetDetails($"Outcome unknown (U) after attempt {attempt}; retry {attempt} of {delays.Count} in {delay}.");
                searchAttributes.Flush();
                await Workflow.DelayWithOptionsAsync(new(delay, $"U-retry {attempt} of {delays.Count} after {delay}"));
            }
        }

        // Before handing over (A4): one last inquiry; if Antom already shows CANCELLED, it is done.
        var inquiry = await InquireAsync("last inquiry before escalation");
        if (inquiry?.Payment?.Status == "CANCELLED")
        {
            Finish(CancelOutcomes.Cancelled, "A3", null, "cancel answered U, but inquiryPayment shows CANCELLED");
            return null;
        }

        lastInquiry = inquiry;
        return last;
    }

    private async Task<CancelCallResult> CallCancelAsync(CancelPaymentRequest request, int attempt, int total)
    {
        CancelCallResult result;
        try
        {
            result = await Workflow.ExecuteActivityAsync(
                (AntomActivities a) => a.CancelAsync(new(request.PaymentRequestId, request.PaymentId, attempt)),
                AntomCallOptions($"cancel attempt {attempt} of {total}", maximumAttempts: 1));
        }
        catch (ActivityFailureException e)
        {
            // The call's result never reached us (worker died mid-call, timeout): no answer, which is U (A3).
            result = new(CancelAnswerClassifier.NoAnswer(e.InnerException?.Message ?? e.Message), null, "ActivityFailed", e.Message, 0);
        }

        var c = result.Classification;
        status.Attempts.Add(new(attempt, Workflow.UtcNow, c.ResultStatus ?? "U", c.ResultCode, result.NoAnswer, c.Kind.ToString()));
        Step($"cancel attempt {attempt}", $"{c.ResultStatus ?? "U"} {c.ResultCode ?? result.NoAnswer ?? string.Empty} → {c.Kind}".TrimEnd());
        Upsert(CancelSearchAttributes.CancelAttempts.ValueSet(status.Attempts.Count));
        return result;
    }

    private void Conclude(CancelCallResult result)
    {
        var c = result.Classification;
        switch (c.Kind)
        {
            case CancelAnswerKind.Cancelled:
                status.CancelTime = PaymentSnapshots.ParseTime(result.CancelTime) ?? Workflow.UtcNow;
                Finish(CancelOutcomes.Cancelled, c.Rule ?? "A3", c.ResultCode, "Antom answered S: the payment is cancelled");
                break;
            case CancelAnswerKind.WindowExceeded:
            case CancelAnswerKind.AlreadyRefunded:
                status.Advice = c.Advice;
                Finish(CancelOutcomes.NotCancellable, c.Rule, c.ResultCode, $"Antom refused: {c.ResultCode}");
                break;
            case CancelAnswerKind.ConfigurationError:
                status.NeedsEngineer = true;
                Finish(CancelOutcomes.Rejected, c.Rule, c.ResultCode, $"{c.ResultCode}: a configuration error, an engineer must act (never retried)");
                break;
            default:
                Finish(CancelOutcomes.Rejected, c.Rule, c.ResultCode, $"Antom answered F {c.ResultCode}");
                break;
        }
    }

    private async Task<InquiryResult?> InquireAsync(string why)
    {
        try
        {
            var result = await Workflow.ExecuteActivityAsync(
                (AntomActivities a) => a.InquireAsync(new(status.PaymentRequestId, status.PaymentId)),
                AntomCallOptions($"inquiryPayment: {why}", maximumAttempts: 3));
            Step("inquiry", $"{why}: {(result.Answered ? $"{result.ResultStatus} {result.Payment?.Status ?? result.ResultCode}" : $"no answer ({result.NoAnswer})")}");
            return result;
        }
        catch (ActivityFailureException e)
        {
            Step("inquiry", $"{why}: failed ({e.InnerException?.Message ?? e.Message})");
            return null;
        }
    }

    /// <summary>A4: hand over to support with everything they need, then wait for a resolution, checking Antom
    /// periodically and re-notifying support each time the SLA passes.</summary>
    private async Task EscalateAsync(CancelPaymentRequest request, string reason)
    {
        var settings = request.Settings;
        status.Escalated = true;
        Finish(CancelOutcomes.Escalated, "A4", status.Attempts.LastOrDefault()?.ResultCode, reason);
        EscalationCounter.Add(1);
        Upsert(CancelSearchAttributes.Escalated.ValueSet(true));
        searchAttributes.Flush();
        await status.NotifySupportAsync(reason, lastInquiry);
        await ReportToPromotionAsync(request);

        var slaDeadline = Workflow.UtcNow + settings.EscalationSla;
        while (resolution is null)
        {
            var wait = Min(settings.EscalationPollInterval, slaDeadline - Workflow.UtcNow);
            SetDetails($"Escalated to support: {reason}. Waiting for ResolveEscalation; next check in {wait}.");
            if (wait > TimeSpan.Zero
                && await Workflow.WaitConditionWithOptionsAsync(new(() => resolution is not null, wait, "escalated: waiting for support or the next check")))
            {
                break;
            }

            if (Workflow.UtcNow >= slaDeadline)
            {
                slaDeadline = Workflow.UtcNow + settings.EscalationSla;
                await status.NotifySupportAsync($"SLA of {settings.EscalationSla} passed without a resolution: {reason}", lastInquiry);
                continue;
            }

            var inquiry = await InquireAsync("escalated: is it cancelled after all?");
            if (inquiry?.Payment?.Status == "CANCELLED")
            {
                resolution = new("Cancelled", "antom-inquiry", "inquiryPayment shows CANCELLED", Workflow.UtcNow);
            }
        }

        var resolved = resolution!;
        status.Resolution = resolved;
        Finish(CancelOutcomes.Resolved, "A4", status.ResultCode, $"resolved by {resolved.ResolvedBy}: {resolved.Outcome}");
    }

    /// <summary>A hold cancelled by a promo-expiry run tells that run its outcome once decided (or escalated), so the
    /// run's summary does not wait for the watch window.</summary>
    private async Task ReportToPromotionAsync(CancelPaymentRequest request)
    {
        if (reportedToPromotion || request.PromoId is null || Workflow.Info.Parent is not { } parent)
        {
            return;
        }

        reportedToPromotion = true;
        try
        {
            var report = new HoldDecided(status.PaymentRequestId!, status.Outcome, status.Rule, status.Escalated, status.LateSuccess);
            await Workflow.GetExternalWorkflowHandle<PromoExpiryWorkflow>(parent.WorkflowId).SignalAsync(wf => wf.HoldDecidedAsync(report));
        }
        catch (FailureException e)
        {
            Step("promotion not told", $"its run {parent.WorkflowId} could not be signalled: {e.Message}");
        }
    }

    /// <summary>C4/C5: stay open long enough to receive Antom's late notifications (24 h of retries), reconciling
    /// the refund of any success that arrives; a reconciliation in progress is finished before completing.</summary>
    private async Task WatchAsync(CancelSettings settings)
    {
        searchAttributes.Flush();
        var until = Workflow.UtcNow + settings.WatchWindow;
        status.WatchUntil = until;
        SetDetails($"Outcome {status.Outcome} ({status.Rule}). Watching for late notifications until {until:u}.");
        await reconciler.WatchAsync(() => until, $"watch window {settings.WatchWindow} for late notifications");
        await callbacks.DrainAsync(status);
        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
        status.Completed = true;
        Step("completed", "watch window over");
    }

    private void Finish(string outcome, string? rule, string? resultCode, string detail)
    {
        status.Outcome = outcome;
        status.Rule = rule;
        status.ResultCode = resultCode;
        status.Detail = detail;
        status.DecidedAt = Workflow.UtcNow;
        Step($"outcome {outcome}", detail);
        OutcomeCounter.WithTags(new Dictionary<string, object> { ["outcome"] = outcome }).Add(1);
        Upsert(CancelSearchAttributes.CancelOutcome.ValueSet(outcome));
        SetDetails($"Outcome {outcome} ({rule}): {detail}");
    }

    private void Step(string name, string detail) => status.Step(name, detail);

    private static void SetDetails(string text) => WorkflowStory.SetDetails(text);

    private void Upsert(params SearchAttributeUpdate[] updates) => searchAttributes.Upsert(updates);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Replay-safe metrics (Workflow.MetricMeter drops values during replay); bridged to OpenTelemetry by the host.
    private static MetricCounter<long> OutcomeCounter =>
        Workflow.MetricMeter.CreateCounter<long>("cancelworkflows_outcomes", "{cancellation}", "Cancellations by outcome");

    private static MetricCounter<long> RetryCounter =>
        Workflow.MetricMeter.CreateCounter<long>("cancelworkflows_u_retries", "{retry}", "Cancel resends after a U answer (A3)");

    private static MetricCounter<long> EscalationCounter =>
        Workflow.MetricMeter.CreateCounter<long>("cancelworkflows_escalations", "{escalation}", "Cancellations handed to support (A4)");
}
