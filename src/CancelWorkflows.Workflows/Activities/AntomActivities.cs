using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.Domain;
using Microsoft.Extensions.Logging;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>
/// The activities that talk to Antom. Each is one signed call; the workflow decides what happens next.
/// "No answer" never becomes S or F: the cancel call reports it as U (A3), inquiries throw a retryable failure.
/// </summary>
public sealed partial class AntomActivities(AntomMerchants merchants, TimeProvider time, ILogger<AntomActivities> logger)
{
    public const string NoAnswerErrorType = "AntomNoAnswer";
    public const string ConfigurationErrorType = "AntomConfigurationError";

    /// <summary>Counter of eligibility checks whose payment method the catalogue does not know; tag <see cref="MethodTag"/>.</summary>
    public const string UnknownPaymentMethodMetric = CancelMetrics.UnknownPaymentMethod;

    /// <summary>The method as Antom reported it, or <see cref="NoMethodReported"/>.</summary>
    public const string MethodTag = "method";

    public const string NoMethodReported = "(none)";

    /// <summary>inquiryPayment, then the domain policy (W1–W5, N1–N3, C1–C5).</summary>
    [Activity("CheckEligibility")]
    public async Task<EligibilityResult> CheckEligibilityAsync(EligibilityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ActivityTelemetry.TagPayment(input.PaymentRequestId, input.PaymentId);
        var (_, antom, policy) = merchants.For(input.AntomMerchant);
        var call = await antom.InquiryPaymentAsync(
            new InquiryPaymentRequest(input.PaymentId, input.PaymentRequestId), ActivityExecutionContext.Current.CancellationToken);
        ActivityTelemetry.RecordAntomCall(AntomApis.InquiryPayment, call, call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode);
        ThrowUnlessStatusKnown(call);
        var answer = call.Answer!;
        var status = answer.Result.ResultStatus;
        if (status != "S")
        {
            var classification = CancelAnswerClassifier.Classify(status, answer.Result.ResultCode);
            return new(null, null, status, answer.Result.ResultCode, classification.Kind == CancelAnswerKind.ConfigurationError, MethodKnown: false);
        }

        var snapshot = PaymentSnapshots.From(answer);
        var facts = new PaymentFacts(
            PaymentStatusCodes.Parse(snapshot.Status)!.Value,
            snapshot.MethodType,
            snapshot.CreateTime,
            snapshot.PaymentTime,
            snapshot.Captured,
            snapshot.Refunded,
            snapshot.Currency is null || snapshot.Value is null ? null : new Money(snapshot.Currency, snapshot.Value));
        var lookup = policy.Catalogue.Categorize(snapshot.MethodType);
        if (!lookup.Known)
        {
            CountUnknownMethod(lookup.Code, policy);
        }

        var decision = CancelWindowPolicy.Evaluate(facts, time.GetUtcNow(), policy.Windows, policy.Catalogue, input.Mode, policy.UnknownPaymentMethod);
        ActivityTelemetry.Tag(ActivityTelemetry.MethodAttribute, snapshot.MethodType);
        ActivityTelemetry.Tag(ActivityTelemetry.VerdictAttribute, decision.Verdict.ToString());
        ActivityTelemetry.Tag(ActivityTelemetry.RuleAttribute, decision.Rule);
        logger.LogInformation(
            "Eligibility of {PaymentRequestId}/{PaymentId}: {Verdict} by {Rule} ({Reason})",
            input.PaymentRequestId, input.PaymentId, decision.Verdict, decision.Rule, decision.Reason);
        return new(decision, snapshot, status, answer.Result.ResultCode, ConfigurationError: false, lookup.Known);
    }

    /// <summary>One cancel call with the same ids every time (A3). Never retried by Temporal: a resend is the
    /// workflow's visible, bounded U-retry.</summary>
    [Activity("CancelPayment")]
    public async Task<CancelCallResult> CancelAsync(CancelCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ActivityTelemetry.TagPayment(input.PaymentRequestId, input.PaymentId);
        ActivityTelemetry.Tag(ActivityTelemetry.AttemptAttribute, input.Attempt);
        var antom = merchants.For(input.AntomMerchant).Client;
        var call = await antom.CancelAsync(
            new CancelRequest(input.PaymentRequestId is null ? input.PaymentId : null, input.PaymentRequestId),
            ActivityExecutionContext.Current.CancellationToken);
        var elapsed = (long)call.Elapsed.TotalMilliseconds;
        ActivityTelemetry.RecordAntomCall(AntomApis.Cancel, call, call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode);
        if (call.Answer is not { } answer)
        {
            var reason = call.NoAnswer?.ToString() ?? "NoAnswer";
            ActivityTelemetry.CountCancelAttempt(CancelMetrics.NoAnswer, reason);
            logger.LogInformation(
                "Cancel attempt {Attempt} for {PaymentRequestId}/{PaymentId}: no answer ({NoAnswer}) after {ElapsedMs} ms; counts as U (A3)",
                input.Attempt, input.PaymentRequestId, input.PaymentId, reason, elapsed);
            return new(CancelAnswerClassifier.NoAnswer($"{reason}: {call.Detail}"), null, reason, call.Detail, elapsed);
        }

        var classification = CancelAnswerClassifier.Classify(answer.Result.ResultStatus, answer.Result.ResultCode);
        ActivityTelemetry.CountCancelAttempt(answer.Result.ResultStatus ?? "none", answer.Result.ResultCode);
        ActivityTelemetry.Tag(ActivityTelemetry.RuleAttribute, classification.Rule);
        logger.LogInformation(
            "Cancel attempt {Attempt} for {PaymentRequestId}/{PaymentId}: {ResultStatus} {ResultCode} ({AnswerKind}) after {ElapsedMs} ms",
            input.Attempt, input.PaymentRequestId, input.PaymentId, answer.Result.ResultStatus, answer.Result.ResultCode, classification.Kind, elapsed);
        return new(classification, answer.CancelTime, null, answer.Result.ResultMessage, elapsed);
    }

    /// <summary>inquiryPayment for a status check (the last inquiry before escalating, polls while escalated, the check of
    /// a doubtful final answer). No answer is a result here, not a failure — the workflow decides — unless the input asks
    /// to retry until the payment's status is known.</summary>
    [Activity("InquirePayment")]
    public async Task<InquiryResult> InquireAsync(InquiryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ActivityTelemetry.TagPayment(input.PaymentRequestId, input.PaymentId);
        var antom = merchants.For(input.AntomMerchant).Client;
        var call = await antom.InquiryPaymentAsync(
            new InquiryPaymentRequest(input.PaymentId, input.PaymentRequestId), ActivityExecutionContext.Current.CancellationToken);
        ActivityTelemetry.RecordAntomCall(AntomApis.InquiryPayment, call, call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode);
        if (input.RetryUntilStatusKnown)
        {
            ThrowUnlessStatusKnown(call);
        }

        if (call.Answer is not { } answer)
        {
            return new(false, null, null, null, call.NoAnswer?.ToString());
        }

        return new(
            true,
            answer.Result.ResultStatus == "S" ? PaymentSnapshots.From(answer) : null,
            answer.Result.ResultStatus,
            answer.Result.ResultCode,
            null);
    }

    /// <summary>Confirms the refund owed after a late success (C2, C4, C5): inquiryPayment (still CANCELLED? a REFUND
    /// transaction?) and, when a refund id is known, inquiryRefund.</summary>
    [Activity("CheckRefund")]
    public async Task<RefundCheckResult> CheckRefundAsync(RefundCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var token = ActivityExecutionContext.Current.CancellationToken;
        ActivityTelemetry.TagPayment(input.PaymentRequestId, input.PaymentId);
        var antom = merchants.For(input.AntomMerchant).Client;
        var call = await antom.InquiryPaymentAsync(new InquiryPaymentRequest(input.PaymentId, input.PaymentRequestId), token);
        ActivityTelemetry.RecordAntomCall(AntomApis.InquiryPayment, call, call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode);
        var answer = call.Answer;
        if (answer is null || answer.Result.ResultStatus != "S")
        {
            return new(false, null, false, input.RefundId, null, $"inquiryPayment: {call.NoAnswer?.ToString() ?? answer?.Result.ResultCode}");
        }

        var refund = (answer.Transactions ?? [])
            .Where(t => string.Equals(t.TransactionType, "REFUND", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(t => string.Equals(t.TransactionStatus, "SUCCESS", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        var refundId = refund?.TransactionId ?? input.RefundId;
        var refundStatus = refund?.TransactionStatus;
        if (refundStatus != "SUCCESS" && refundId is not null)
        {
            var refundCall = await antom.InquiryRefundAsync(new InquiryRefundRequest(null, refundId), token);
            ActivityTelemetry.RecordAntomCall(AntomApis.InquiryRefund, refundCall, refundCall.Answer?.Result.ResultStatus, refundCall.Answer?.Result.ResultCode);
            if (refundCall.Answer is { Result.ResultStatus: "S" } refundAnswer)
            {
                refundStatus = refundAnswer.RefundStatus;
            }
        }

        var confirmed = string.Equals(refundStatus, "SUCCESS", StringComparison.OrdinalIgnoreCase);
        return new(true, answer.PaymentStatus, confirmed, refundId, refundStatus,
            $"payment {answer.PaymentStatus}; refund {refundId ?? "(none yet)"} {refundStatus ?? string.Empty}".TrimEnd());
    }

    /// <summary>A method the catalogue lacks is decided by Cancel:UnknownPaymentMethod; someone should add it, so it is
    /// logged and counted (through the worker's metric meter, which the host bridges to OpenTelemetry).</summary>
    private void CountUnknownMethod(string? code, CancelPolicy policy)
    {
        var method = code ?? NoMethodReported;
        logger.LogWarning(
            "Payment method {PaymentMethodType} is not in the catalogue; Cancel:UnknownPaymentMethod={UnknownPaymentMethodPolicy} decides (add it to Cancel:PaymentMethods once checked)",
            method, policy.UnknownPaymentMethod);
        ActivityExecutionContext.Current.MetricMeter
            .CreateCounter<long>(UnknownPaymentMethodMetric, "{payment}", "Eligibility checks of a payment whose method the catalogue does not know")
            .Add(1, [new KeyValuePair<string, object>(MethodTag, method)]);
    }

    /// <summary>Throws a retryable failure unless Antom answered S with a paymentStatus we know, or answered F (a final
    /// refusal that a retry would not change; the caller sees it as "no status").</summary>
    private static void ThrowUnlessStatusKnown(AntomCall<InquiryPaymentResponse> call)
    {
        var answer = call.Answer ?? throw NoAnswer("inquiryPayment", call.NoAnswer, call.Detail);
        var status = answer.Result.ResultStatus;
        if (status == "S")
        {
            _ = PaymentStatusCodes.Parse(answer.PaymentStatus) ?? throw NoAnswer("inquiryPayment", null, $"unknown paymentStatus '{answer.PaymentStatus}'");
        }
        else if (CancelAnswerClassifier.Classify(status, answer.Result.ResultCode).Kind == CancelAnswerKind.Unknown)
        {
            throw NoAnswer("inquiryPayment", null, $"resultStatus {status ?? "(missing)"} {answer.Result.ResultCode}");
        }
    }

    private static ApplicationFailureException NoAnswer(string api, NoAnswerReason? reason, string? detail) =>
        new($"{api}: no usable answer from Antom ({reason?.ToString() ?? "U"}: {detail})", NoAnswerErrorType);
}
