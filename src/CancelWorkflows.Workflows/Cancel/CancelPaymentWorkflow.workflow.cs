using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Reconciliation;
using Microsoft.Extensions.Logging;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Cancel;

/// <summary>
/// Cancels one Antom payment and never loses track of it (docs/design.md, "CancelPaymentWorkflow"):
/// validate (A2) → eligibility (W1–W5, N1–N3, C1–C5) → cancel (A1, A3) → bounded U-retry (A3, A4) → last inquiry →
/// escalation to support (A4) → outcome → close; a success notified before the close is reconciled first (C4, C5), one
/// notified after it reaches <c>reconcile-&lt;id&gt;</c> (the notification ingress starts it).
/// Deterministic code only: time, timers and randomness come from <see cref="Workflow"/>. Changes to the commands it
/// issues are gated by <see cref="CancelPatches"/> (and <see cref="SearchAttributeBatch.PatchId"/>); the first question
/// of every run is <see cref="CancelPatches.CloseAtOutcome"/>: runs started before it replay as recorded (regular
/// activities, each older patch asked where it always was, the watch window), later runs ask no other patch.
/// </summary>
[Workflow(TemporalNames.CancelPaymentWorkflow)]
public sealed class CancelPaymentWorkflow
{
    /// <summary>When a long escalation continues as new, its status keeps this many of the first steps (the story up to
    /// the escalation) and <see cref="LatestStepsKept"/> of the latest; the rest is counted in <c>StepsOmitted</c>.</summary>
    public const int FirstStepsKept = 50;

    public const int LatestStepsKept = 200;

    private readonly CancelStatus status;
    private readonly LateNotifications notices;
    private readonly CallerCallbacks callbacks;
    private readonly RefundReconciler reconciler;
    private readonly RefundFallback refundFallback;
    private readonly string? fallback;
    private readonly SearchAttributeBatch searchAttributes = new();
    private EscalationResolution? resolution;
    private InquiryResult? lastInquiry;
    private bool reportedToPromotion;
    private bool? closesAtOutcome;

    /// <summary>Why the cancel is not possible, when the request's fallback refunds instead (<see cref="RefundsInstead"/>).</summary>
    private string? refundInstead;

    /// <summary>Runs before any signal handler, so notifications that arrive with the start are never lost.</summary>
    [WorkflowInit]
    public CancelPaymentWorkflow(CancelPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        status = request.Resume?.Status ?? new CancelStatus();
        notices = new LateNotifications(request.Resume?.Notices);
        lastInquiry = request.Resume?.LastInquiry;
        reportedToPromotion = request.Resume?.ReportedToPromotion ?? false;
        callbacks = new CallerCallbacks(request.CallbackUrl);
        reconciler = new RefundReconciler(status, notices, request.Settings, callbacks);
        refundFallback = new RefundFallback(status, notices, request.Settings, Finish, searchAttributes.Flush);
        fallback = request.Fallback;
    }

    [WorkflowRun]
    public async Task<CancelStatus> RunAsync(CancelPaymentRequest request)
    {
        // The first question of every run: its shape (CancelPatches.CloseAtOutcome). A run started before it answers
        // false on replay and goes on as it was recorded: regular activities, the older patches asked, the watch window.
        var closesAtOutcome = ClosesAtOutcome;
        if (request.Resume is { } resume)
        {
            await ResumeEscalationAsync(request, resume);
        }
        else
        {
            Start(request);
            Validate(request);
            searchAttributes.Begin(included: closesAtOutcome);

            var eligibility = await CheckEligibilityAsync(request);
            if (eligibility is null || Decide(eligibility))
            {
                if (await CancelWithRetriesAsync(request) is { } escalation)
                {
                    await EscalateAsync(request, escalation);
                }
            }

            if (refundInstead is { } notCancellable && await refundFallback.RunAsync(notCancellable) is { } refundEscalation)
            {
                await EscalateAsync(request, refundEscalation);
            }
        }

        searchAttributes.Flush();
        await ReportToPromotionAsync(request, atClose: closesAtOutcome);
        callbacks.Send("outcome", status);
        if (closesAtOutcome)
        {
            await CloseAsync();
        }
        else
        {
            await WatchAsync(request.Settings);
        }

        return status;
    }

    [WorkflowQuery(TemporalNames.StatusQuery)]
    public CancelStatus Status => status;

    /// <summary>The ingress asks before signalling, so Antom's re-sends and replays add nothing to this history.</summary>
    [WorkflowQuery(TemporalNames.HasNotificationQuery)]
    public bool HasNotification(string notificationId) => notices.Has(notificationId);

    /// <summary>Support's resolution (<see cref="EscalationResolution"/>). The first one given while escalated wins; later
    /// ones are recorded but change nothing, and so is one that arrives before the case is escalated (it must not resolve
    /// a later escalation in advance). A null or unreadable payload is recorded and ignored.</summary>
    [WorkflowSignal(TemporalNames.ResolveEscalationSignal)]
    public Task ResolveEscalationAsync(IRawValue input)
    {
        if (!SignalPayloads.TryRead<EscalationResolution>(status, TemporalNames.ResolveEscalationSignal, input, SignalPayloads.ProblemOf, out var given))
        {
            return Task.CompletedTask;
        }

        if (resolution is not null)
        {
            Step("resolution ignored", $"already resolved by {resolution.ResolvedBy}");
        }
        else if (!status.Escalated && Patched(CancelPatches.IgnoreResolutionBeforeEscalation))
        {
            Step("resolution ignored", $"{given.Outcome} by {given.ResolvedBy}: not escalated (outcome {status.Outcome ?? "not decided yet"}); a resolution counts only for an escalated cancellation");
        }
        else
        {
            resolution = given with { ResolvedAt = given.ResolvedAt ?? Workflow.UtcNow };
            Step("resolution received", $"{given.Outcome} by {given.ResolvedBy}");
        }

        return Task.CompletedTask;
    }

    /// <summary>An Antom notifyPayment (<see cref="PaymentNotice"/>), at any step. A success for a payment being cancelled
    /// or cancelled does not revive it (C4): the refund it causes is reconciled once the outcome is known (C5). A null or
    /// unreadable payload is recorded and ignored.</summary>
    [WorkflowSignal(TemporalNames.PaymentNotifiedSignal)]
    public Task PaymentNotifiedAsync(IRawValue input)
    {
        if (!SignalPayloads.TryRead<PaymentNotice>(status, TemporalNames.PaymentNotifiedSignal, input, n => SignalPayloads.ProblemOf(n) ?? SignalPayloads.OtherMerchant(n.AntomMerchant, status.AntomMerchant), out var notice)
            || !notices.Receive(status, notice))
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

    /// <summary>An Antom notifyRefund (<see cref="RefundNotice"/>); a null or unreadable payload is recorded and ignored.</summary>
    [WorkflowSignal(TemporalNames.RefundNotifiedSignal)]
    public Task RefundNotifiedAsync(IRawValue input)
    {
        if (SignalPayloads.TryRead<RefundNotice>(status, TemporalNames.RefundNotifiedSignal, input, n => SignalPayloads.ProblemOf(n) ?? SignalPayloads.OtherMerchant(n.AntomMerchant, status.AntomMerchant), out var notice))
        {
            notices.Receive(status, notice);
        }

        return Task.CompletedTask;
    }

    private static ActivityOptions AntomCallOptions(CancelSettings settings, string summary, int maximumAttempts) => new()
    {
        // The Antom client gives up after its own timeout; this covers a worker that died mid-call, so the call is known
        // lost (and resent, or retried) soon after the client itself would have given up.
        StartToCloseTimeout = settings.AntomActivityTimeout(),
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

    /// <summary>
    /// The eligibility inquiry as a local activity: run by the worker inside the first workflow task and recorded as a
    /// marker (with its summary and result), so the cancel call is scheduled by the same task (two workflow tasks on the
    /// happy path instead of three). Its bounded retry (6 attempts within about a minute) waits in durable timers between
    /// attempts (every backoff is 2 s or more, above the 1 s local-retry threshold), so the task is not held open and each
    /// failed attempt is recorded. A worker that dies mid-inquiry leaves no marker: the workflow task times out (the
    /// workflow's task timeout, 10 s by default, not <c>Cancel:AntomCallMargin</c>) and the next worker asks again — a
    /// read, harmless to repeat. The cancel call stays a regular activity: a local one would hold the workflow task for the
    /// whole call (the Status query waits meanwhile, and after a worker crash until the task times out), and a cancel lost
    /// with its worker would leave no attempt in the Status.
    /// </summary>
    private static LocalActivityOptions Local(ActivityOptions options) => new()
    {
        StartToCloseTimeout = options.StartToCloseTimeout,
        RetryPolicy = options.RetryPolicy,
        LocalRetryThreshold = TimeSpan.FromSeconds(1),
        Summary = options.Summary,
    };

    /// <summary>
    /// How a failed Antom call surfaces: a regular activity as <see cref="ActivityFailureException"/>, a local activity as
    /// its own failure (the activity's <see cref="ApplicationFailureException"/>, or <see cref="TimeoutFailureException"/>).
    /// </summary>
    private static bool IsCallFailure(FailureException e) => e is ActivityFailureException or ApplicationFailureException or TimeoutFailureException;

    private void Start(CancelPaymentRequest request)
    {
        status.Begin(request.PaymentRequestId, request.PaymentId, request.Settings.TemporalWebBaseUrl);
        status.BookingRef = request.BookingRef;
        status.Merchant = request.Merchant;
        status.AntomMerchant = request.AntomMerchant;
        status.Fallback = request.Fallback ?? CancelFallbacks.None;
        status.FallbackSource = request.FallbackSource;
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
        else if (request.Resume is not null && Workflow.Info.ContinuedRunId is null)
        {
            // Resume is the workflow's own hand-over between runs; from outside it would skip eligibility and the cancel.
            problem = "A2: resume state is only accepted from this workflow's own earlier run";
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
            var input = new EligibilityInput(request.PaymentRequestId, request.PaymentId, request.Mode, request.AntomMerchant);
            var options = AntomCallOptions(request.Settings, "eligibility: inquiryPayment + cancel windows", maximumAttempts: 6);
            var result = ClosesAtOutcome
                ? await Workflow.ExecuteLocalActivityAsync((AntomActivities a) => a.CheckEligibilityAsync(input), Local(options))
                : await Workflow.ExecuteActivityAsync((AntomActivities a) => a.CheckEligibilityAsync(input), options);
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
        catch (FailureException e) when (IsCallFailure(e))
        {
            var why = e.InnerException?.Message ?? e.Message;
            status.EligibilityUnknown = true;
            if (request.Mode == CancelMode.UnpaidOnly && Patched(CancelPatches.UnpaidOnlyNeedsReadableStatus))
            {
                await RefuseUnreadableStatusAsync(request, why);
            }

            // Booking mode: the cancel call itself is authoritative (Antom applies its own windows; a paid booking is
            // cancelled and refunded, which is what a booking cancellation wants), so go on and let its answer decide.
            Step("eligibility unknown", $"inquiryPayment gave no usable answer ({why}); Antom's cancel answer decides");
            return null;
        }
    }

    /// <summary>
    /// Unpaid-only (promo expiry): a cancel goes out only after an inquiry that answered and showed the payment unpaid,
    /// because cancelling a hold the buyer just paid refunds a buyer who kept the deal (C2). Unreadable → nothing is sent
    /// to Antom; the run is told (the hold stays undecided) and the workflow fails with a typed, non-retryable error, so
    /// a later promotion run may start <c>cancel-&lt;id&gt;</c> again.
    /// </summary>
    private async Task RefuseUnreadableStatusAsync(CancelPaymentRequest request, string why)
    {
        var detail = $"unpaid-only: inquiryPayment could not show that the payment is unpaid ({why}); nothing was sent to Antom's cancel, the hold is left for a later run";
        status.Detail = detail;
        Step("eligibility unknown", detail);
        SetDetails($"Not cancelled: the payment's status could not be read ({CancelFailureTypes.PaymentStatusUnreadable}).");
        searchAttributes.Flush();
        await ReportToPromotionAsync(request, statusUnreadable: true);
        throw new ApplicationFailureException(detail, CancelFailureTypes.PaymentStatusUnreadable, nonRetryable: true);
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
                if (decision.Verdict == EligibilityVerdict.NotCancellable && RefundsInstead(decision.Rule, decision.Reason, decision.Advice))
                {
                    return false;
                }

                Finish(CancelOutcomes.NotCancellable, decision.Rule, null, decision.Reason);
                return false;
        }
    }

    /// <summary>The first call and at most three resends with the same ids while the answer is U (A3, A4).
    /// Returns why support must take over (A4), or null when the outcome is decided.</summary>
    private async Task<string?> CancelWithRetriesAsync(CancelPaymentRequest request)
    {
        var delays = request.Settings.RetryDelays;
        var total = delays.Count + 1;
        for (var attempt = 1; attempt <= total; attempt++)
        {
            var result = await CallCancelAsync(request, attempt, total);
            var kind = result.Classification.Kind;
            if (kind != CancelAnswerKind.Unknown)
            {
                if (kind != CancelAnswerKind.Cancelled && AnEarlierAttemptHadNoFinalAnswer() && Patched(CancelPatches.ConfirmFinalAnswerAfterLostAnswer))
                {
                    return await ConfirmRefusalAsync(request.Settings, result, attempt);
                }

                Conclude(result);
                return null;
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
        var inquiry = await InquireAsync(request.Settings, "last inquiry before escalation");
        if (inquiry?.Payment?.Status == "CANCELLED")
        {
            Finish(CancelOutcomes.Cancelled, "A3", null, "cancel answered U, but inquiryPayment shows CANCELLED");
            return null;
        }

        lastInquiry = inquiry;
        return $"cancel answered U {status.Attempts.Count} times (A4)";
    }

    /// <summary>True when an attempt before the last one got no final answer (no answer at all, or U).</summary>
    private bool AnEarlierAttemptHadNoFinalAnswer() =>
        status.Attempts.Take(status.Attempts.Count - 1).Any(a => a.Classification == nameof(CancelAnswerKind.Unknown));

    /// <summary>
    /// A3 after a lost answer: an earlier attempt had no final answer, so Antom may already have cancelled on it, and a
    /// later non-S answer (ORDER_STATUS_INVALID, CANCEL_WINDOW_EXCEED at the window's edge, PROCESS_FAIL, …) may only say
    /// so in its own way. inquiryPayment decides: CANCELLED → Cancelled; any other status → the answer stands; no
    /// readable status within <see cref="CancelSettings.EffectiveConfirmationInquiryTimeout"/> → support (A4), since
    /// neither "cancelled" nor the refusal is known to be true. Returns why support must take over, or null.
    /// </summary>
    private async Task<string?> ConfirmRefusalAsync(CancelSettings settings, CancelCallResult result, int attempt)
    {
        var c = result.Classification;
        var answer = $"{c.ResultStatus} {c.ResultCode}".TrimEnd();
        Step("answer to confirm", $"attempt {attempt} answered {answer}, but an earlier attempt got no final answer: Antom may have cancelled then; inquiryPayment decides (A3)");
        var inquiry = await InquireUntilStatusKnownAsync(settings, $"did an earlier attempt cancel it? (attempt {attempt} answered {answer})");
        var shown = inquiry is { ResultStatus: "S" } && PaymentStatusCodes.Parse(inquiry.Payment?.Status) is { } known ? known : (PaymentStatus?)null;
        switch (shown)
        {
            case PaymentStatus.Cancelled:
                Finish(CancelOutcomes.Cancelled, "A3", c.ResultCode, $"the cancel took effect on an earlier attempt: attempt {attempt} answered {answer}, inquiryPayment shows CANCELLED");
                return null;
            case { } other:
                Step("answer confirmed", $"inquiryPayment shows {other.ToWire()}: the {answer} stands");
                Conclude(result);
                return null;
            default:
                lastInquiry = inquiry;
                status.NeedsEngineer = c.Kind == CancelAnswerKind.ConfigurationError;
                return $"cancel answered {answer} after an earlier attempt got no final answer, and inquiryPayment showed no status within {settings.EffectiveConfirmationInquiryTimeout}: neither Cancelled nor the {c.ResultStatus} is known to be true (A4)";
        }
    }

    private async Task<CancelCallResult> CallCancelAsync(CancelPaymentRequest request, int attempt, int total)
    {
        CancelCallResult result;
        try
        {
            result = await Workflow.ExecuteActivityAsync(
                (AntomActivities a) => a.CancelAsync(new(request.PaymentRequestId, request.PaymentId, attempt, request.AntomMerchant)),
                AntomCallOptions(request.Settings, $"cancel attempt {attempt} of {total}", maximumAttempts: 1));
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

    /// <summary>
    /// True when the request's fallback refunds instead of the NotCancellable outcome: the start asked for
    /// <see cref="CancelFallbacks.Refund"/>, the rule's advice is to refund instead (not N1's "already refunded", not an
    /// uncaptured card's "let the authorisation expire") and the payment was seen paid (SUCCESS). The patch is asked only
    /// here, so a run without the fallback (every run recorded before it) records no marker.
    /// </summary>
    private bool RefundsInstead(string? rule, string reason, string? advice)
    {
        if (fallback != CancelFallbacks.Refund
            || advice != CancelAdvice.RefundInstead
            || PaymentStatusCodes.Parse(status.PaymentStatusAtStart) != PaymentStatus.Success
            || !Workflow.Patched(CancelPatches.RefundFallback))
        {
            return false;
        }

        refundInstead = $"{rule ?? "A3"}: {reason}";
        return true;
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
                if (c.Kind == CancelAnswerKind.WindowExceeded && RefundsInstead(c.Rule, $"Antom refused the cancel: {c.ResultCode}", c.Advice))
                {
                    break;
                }

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

    private Task<InquiryResult?> InquireAsync(CancelSettings settings, string why) =>
        RunInquiryAsync(new(status.PaymentRequestId, status.PaymentId, AntomMerchant: status.AntomMerchant), AntomCallOptions(settings, $"inquiryPayment: {why}", maximumAttempts: 3), why);

    /// <summary>inquiryPayment retried (no answer, U, unknown status) until Antom shows the payment's status, for at most
    /// <see cref="CancelSettings.EffectiveConfirmationInquiryTimeout"/>; null when it never did.</summary>
    private Task<InquiryResult?> InquireUntilStatusKnownAsync(CancelSettings settings, string why)
    {
        var options = AntomCallOptions(settings, $"inquiryPayment until the status is known: {why}", maximumAttempts: 0);
        options.ScheduleToCloseTimeout = settings.EffectiveConfirmationInquiryTimeout;
        options.RetryPolicy!.MaximumInterval = TimeSpan.FromSeconds(30);
        return RunInquiryAsync(new(status.PaymentRequestId, status.PaymentId, RetryUntilStatusKnown: true, status.AntomMerchant), options, why);
    }

    private async Task<InquiryResult?> RunInquiryAsync(InquiryInput input, ActivityOptions options, string why)
    {
        try
        {
            var result = await Workflow.ExecuteActivityAsync((AntomActivities a) => a.InquireAsync(input), options);
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
        Finish(CancelOutcomes.Escalated, "A4", status.RefundFallback?.Attempts.LastOrDefault()?.ResultCode ?? status.Attempts.LastOrDefault()?.ResultCode, reason);
        EscalationCounter.Add(1);
        Upsert(CancelSearchAttributes.Escalated.ValueSet(true));
        searchAttributes.Flush();

        // The promotion run first: its summary must not wait on the support webhook (which may be down for an hour).
        if (IsPromotionChild(request) && !reportedToPromotion && Patched(CancelPatches.ReportPromotionBeforeSupport))
        {
            await ReportToPromotionAsync(request);
        }

        await status.NotifySupportAsync(reason, lastInquiry, settings.SupportDeliveryTimeout);
        await ReportToPromotionAsync(request);

        if (Patched(CancelPatches.BoundedEscalation))
        {
            var now = Workflow.UtcNow;
            await WaitForResolutionAsync(request, new EscalationWait
            {
                Reason = reason,
                SlaDeadline = now + settings.EscalationSla,
                NextPollAt = now + settings.EscalationPollInterval,
                PollInterval = settings.EscalationPollInterval,
            });
        }
        else
        {
            await WaitForResolutionAsRecordedAsync(settings, reason);
        }

        FinishResolved();
    }

    /// <summary>The next run of a long escalation (continue-as-new): same workflow id, the state carried over, back to
    /// waiting for the resolution.</summary>
    private async Task ResumeEscalationAsync(CancelPaymentRequest request, EscalationCarryOver resume)
    {
        Validate(request);
        status.RunId = Workflow.Info.RunId;
        status.TemporalWebUrl = WorkflowStory.WebUrl(request.Settings.TemporalWebBaseUrl);
        Step("continued as new", $"run {status.ContinuedAsNew + 1} of this cancellation, still escalated: {resume.Wait.Reason}");
        searchAttributes.Begin(included: ClosesAtOutcome);
        await WaitForResolutionAsync(request, resume.Wait);
        FinishResolved();
    }

    /// <summary>
    /// Waits for support's resolution. The SLA re-notification keeps its cadence; the check of Antom backs off (the
    /// interval doubles after each check up to <see cref="CancelSettings.EffectiveEscalationMaxPollInterval"/>), and the
    /// run continues as new when its history gets long, so a case left open for months keeps a bounded history.
    /// </summary>
    private async Task WaitForResolutionAsync(CancelPaymentRequest request, EscalationWait wait)
    {
        var settings = request.Settings;
        while (resolution is null)
        {
            var next = wait.NextPollAt < wait.SlaDeadline ? wait.NextPollAt : wait.SlaDeadline;
            SetDetails($"Escalated to support: {wait.Reason}. Waiting for ResolveEscalation; next check {next:u}.");
            var left = next - Workflow.UtcNow;
            if (left > TimeSpan.Zero
                && await Workflow.WaitConditionWithOptionsAsync(new(() => resolution is not null, left, "escalated: waiting for support or the next check")))
            {
                break;
            }

            if (Workflow.UtcNow >= wait.SlaDeadline)
            {
                wait.SlaDeadline = Workflow.UtcNow + settings.EscalationSla;
                await status.NotifySupportAsync($"SLA of {settings.EscalationSla} passed without a resolution: {wait.Reason}", lastInquiry, settings.SupportDeliveryTimeout);
            }

            if (resolution is null && Workflow.UtcNow >= wait.NextPollAt)
            {
                if (status.RefundFallback is not null)
                {
                    // Escalated after the refund fallback's U answers: the refund, not a cancel, is what may have gone through.
                    if (await refundFallback.RefundedAfterAllAsync())
                    {
                        resolution = new(CancelOutcomes.Refunded, "antom-inquiry", "inquiryRefund shows SUCCESS", Workflow.UtcNow);
                    }
                }
                else if ((await InquireAsync(settings, "escalated: is it cancelled after all?"))?.Payment?.Status == "CANCELLED")
                {
                    resolution = new("Cancelled", "antom-inquiry", "inquiryPayment shows CANCELLED", Workflow.UtcNow);
                }

                var doubled = wait.PollInterval * 2;
                wait.PollInterval = doubled < settings.EffectiveEscalationMaxPollInterval ? doubled : settings.EffectiveEscalationMaxPollInterval;
                wait.NextPollAt = Workflow.UtcNow + wait.PollInterval;
            }

            if (resolution is null && (Workflow.ContinueAsNewSuggested || Workflow.CurrentHistoryLength >= settings.EffectiveEscalationHistoryLimit))
            {
                await ContinueEscalationAsNewAsync(request, wait);
            }
        }
    }

    /// <summary>Continues as new with the state carried over, unless a signal handled meanwhile resolved the case.</summary>
    private async Task ContinueEscalationAsNewAsync(CancelPaymentRequest request, EscalationWait wait)
    {
        searchAttributes.Flush();
        await callbacks.DrainAsync(status);

        // Lets every signal already delivered run first: its effect must be in the state handed over, not lost with this run.
        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
        if (resolution is not null)
        {
            return;
        }

        Step("continuing as new", $"history at {Workflow.CurrentHistoryLength} events; the case stays escalated in the next run");
        status.ContinuedAsNew++;
        KeepFirstAndLatestSteps();
        var carried = new EscalationCarryOver
        {
            Status = status,
            Notices = notices.Snapshot(),
            LastInquiry = lastInquiry,
            ReportedToPromotion = reportedToPromotion,
            Wait = wait,
        };
        var next = request with { Resume = carried };
        throw Workflow.CreateContinueAsNewException((CancelPaymentWorkflow wf) => wf.RunAsync(next));
    }

    /// <summary>Keeps the status (carried into every run and returned by queries) bounded over months of escalation.</summary>
    private void KeepFirstAndLatestSteps()
    {
        var omit = status.Steps.Count - FirstStepsKept - LatestStepsKept;
        if (omit > 0)
        {
            status.Steps.RemoveRange(FirstStepsKept, omit);
            status.StepsOmitted += omit;
        }
    }

    /// <summary>The wait as runs that escalated before <see cref="CancelPatches.BoundedEscalation"/> recorded it.</summary>
    private async Task WaitForResolutionAsRecordedAsync(CancelSettings settings, string reason)
    {
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
                await status.NotifySupportAsync($"SLA of {settings.EscalationSla} passed without a resolution: {reason}", lastInquiry, settings.SupportDeliveryTimeout);
                continue;
            }

            var inquiry = await InquireAsync(settings, "escalated: is it cancelled after all?");
            if (inquiry?.Payment?.Status == "CANCELLED")
            {
                resolution = new("Cancelled", "antom-inquiry", "inquiryPayment shows CANCELLED", Workflow.UtcNow);
            }
        }
    }

    private void FinishResolved()
    {
        var resolved = resolution!;
        status.Resolution = resolved;
        Finish(CancelOutcomes.Resolved, "A4", status.ResultCode, $"resolved by {resolved.ResolvedBy}: {resolved.Outcome}");
        ResolvedCounter.Add(1);
    }

    private static bool IsPromotionChild(CancelPaymentRequest request) => request.PromoId is not null && Workflow.Info.Parent is not null;

    /// <summary>A hold cancelled by a promo-expiry run tells that run its outcome once decided (or escalated, or left
    /// undecided because its status could not be read), so the run's summary does not wait for the watch window.</summary>
    private async Task ReportToPromotionAsync(CancelPaymentRequest request, bool statusUnreadable = false, bool atClose = false)
    {
        if (reportedToPromotion || request.PromoId is null || Workflow.Info.Parent is not { } parent)
        {
            return;
        }

        reportedToPromotion = true;
        if (atClose && Workflow.Patched(CancelPatches.PromoChildReportsByResult))
        {
            // The run closes now, and its promotion run counts it by its result (CancelStatus carries the outcome, rule,
            // escalation and late success the report would): no signal, no second workflow task to wait for it.
            return;
        }

        try
        {
            var report = new HoldDecided(status.PaymentRequestId!, status.Outcome, status.Rule, status.Escalated, status.LateSuccess, StatusUnreadable: statusUnreadable);
            await Workflow.GetExternalWorkflowHandle<PromoExpiryWorkflow>(parent.WorkflowId).SignalAsync(wf => wf.HoldDecidedAsync(report));
        }
        catch (FailureException e)
        {
            Step("promotion not told", $"its run {parent.WorkflowId} could not be signalled: {e.Message}");
        }
    }

    /// <summary>
    /// Closes at the outcome (<see cref="CancelPatches.CloseAtOutcome"/>). A success notified before the close (during the
    /// cancel, while escalated, while the callbacks drain) is reconciled here, where its notification and the outcome are
    /// (C4, C5); one notified after the close finds the workflow closed and the ingress starts <c>reconcile-&lt;id&gt;</c>
    /// with this run's outcome. Every signal already delivered runs before the last check, so none is lost with the close.
    /// </summary>
    private async Task CloseAsync()
    {
        while (true)
        {
            if (reconciler.Due)
            {
                await reconciler.RunAsync();
            }
            else if (reconciler.NotNeeded)
            {
                reconciler.RecordNotNeeded();
            }

            // Refund tracking must not wait on the booking service's callback endpoint (retried for up to a day): a
            // success notified while a callback is still pending is reconciled at once. Asked only then, so runs
            // without that race record no marker.
            var drained = callbacks.DrainAsync(status);
            await Workflow.WhenAnyAsync(drained, Workflow.WaitConditionAsync(() => reconciler.Due || reconciler.NotNeeded));
            if (!drained.IsCompleted && Workflow.Patched(CancelPatches.ReconcileWhileCallbacksRetry))
            {
                Step("notification during the last callbacks", "a payment notification arrived while callbacks were still being retried: handled now, not after them");
                continue;
            }

            await drained;
            await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
            if (!reconciler.Due && !reconciler.NotNeeded)
            {
                break;
            }

            Step("notification during the last callbacks", "a payment notification arrived while the last callbacks were delivered: handled before closing");
        }

        status.Completed = true;
        Step("completed", $"closed at the outcome {status.Outcome}; a later notification starts the reconciliation workflow");
    }

    /// <summary>C4/C5: stay open long enough to receive Antom's late notifications (24 h of retries), reconciling
    /// the refund of any success that arrives; a reconciliation in progress is finished before completing.</summary>
    private async Task WatchAsync(CancelSettings settings)
    {
        searchAttributes.Flush();
        var until = Workflow.UtcNow + settings.WatchWindow;
        status.WatchUntil = until;
        SetDetails($"Outcome {status.Outcome} ({status.Rule}). Watching for late notifications until {until:u}.");
        await reconciler.WatchThenDrainAsync(() => until, $"watch window {settings.WatchWindow} for late notifications");
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

        // Replay-safe (the workflow logger says nothing while replaying); the worker's interceptor scopes it with the
        // cancellation's trace id, so the line sits beside the attempts' lines in a log viewer.
        Workflow.Logger.LogInformation(
            "Outcome {Outcome} by {Rule} for {PaymentRequestId}/{PaymentId}: {Detail}", outcome, rule ?? "none", status.PaymentRequestId, status.PaymentId, detail);
        OutcomeCounter.WithTags(new Dictionary<string, object> { [CancelMetrics.OutcomeTag] = outcome, [CancelMetrics.RuleTag] = rule ?? "none" }).Add(1);
        DurationHistogram.WithTags(new Dictionary<string, object> { [CancelMetrics.OutcomeTag] = outcome })
            .Record((Workflow.UtcNow - Workflow.Info.StartTime).TotalSeconds);
        Upsert(CancelSearchAttributes.CancelOutcome.ValueSet(outcome));
        SetDetails($"Outcome {outcome} ({rule}): {detail}");
    }

    private void Step(string name, string detail) => status.Step(name, detail);

    /// <summary>Asked first in every run (by <see cref="RunAsync"/>, or by a signal handler that runs before it).</summary>
    private bool ClosesAtOutcome => closesAtOutcome ??= Workflow.Patched(CancelPatches.CloseAtOutcome);

    /// <summary>A capability gated by its own patch: included in every run on the <see cref="CancelPatches.CloseAtOutcome"/>
    /// path, asked (a marker) in runs started before it, where it always was.</summary>
    private bool Patched(string patchId) => ClosesAtOutcome || Workflow.Patched(patchId);

    private static void SetDetails(string text) => WorkflowStory.SetDetails(text);

    private void Upsert(params SearchAttributeUpdate[] updates) => searchAttributes.Upsert(updates);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Replay-safe metrics (Workflow.MetricMeter drops values during replay); bridged to OpenTelemetry by the host.
    private static MetricCounter<long> OutcomeCounter =>
        Workflow.MetricMeter.CreateCounter<long>(CancelMetrics.CancellationsFinished, "{cancellation}", "Cancellations that reached an outcome, by outcome and rule");

    private static MetricHistogram<double> DurationHistogram =>
        Workflow.MetricMeter.CreateHistogram<double>(CancelMetrics.CancellationDuration, "s", "Time from the workflow's start to its outcome");

    private static MetricCounter<long> RetryCounter =>
        Workflow.MetricMeter.CreateCounter<long>(CancelMetrics.URetries, "{retry}", "Cancel resends after a U answer (A3)");

    private static MetricCounter<long> EscalationCounter =>
        Workflow.MetricMeter.CreateCounter<long>(CancelMetrics.EscalationsOpened, "{escalation}", "Cancellations handed to support (A4)");

    private static MetricCounter<long> ResolvedCounter =>
        Workflow.MetricMeter.CreateCounter<long>(CancelMetrics.EscalationsResolved, "{escalation}", "Escalations support resolved (A4)");
}
