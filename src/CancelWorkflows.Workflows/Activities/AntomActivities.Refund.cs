using CancelWorkflows.Antom.Wire;
using CancelWorkflows.Domain;
using Microsoft.Extensions.Logging;
using Temporalio.Activities;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>The refund fallback's Antom calls (RF1–RF6): refund and inquiryRefund, one signed call each.</summary>
public sealed partial class AntomActivities
{
    /// <summary>One refund call with the same refundRequestId every time (RF1). Never retried by Temporal: a resend is the
    /// workflow's visible, bounded U-retry. A method the catalogue's refund column marks notSupported is not sent (RF4).</summary>
    [Activity("RefundPayment")]
    public async Task<RefundCallResult> RefundPaymentAsync(RefundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ActivityTelemetry.TagPayment(input.PaymentRequestId, input.PaymentId);
        ActivityTelemetry.Tag(ActivityTelemetry.AttemptAttribute, input.Attempt);
        var (_, antom, policy) = merchants.For(input.AntomMerchant);
        var capability = policy.Catalogue.RefundOf(input.PaymentMethod);
        if (capability.Support == RefundSupport.NotSupported)
        {
            var detail = $"the payment-method catalogue's refund column marks {input.PaymentMethod} notSupported ({capability.Source}); nothing was sent to Antom";
            return new(Rejected(RefundRejection.MethodNotRefundable, RefundRules.RF4, RefundAdvice.RefundOutsideAntom, detail), false, null, null, null, detail);
        }

        var request = new RefundRequest(input.RefundRequestId, input.PaymentId, new AntomAmount(input.Currency, input.Value));
        if (RefundRequestShape.Problem(request) is { } problem)
        {
            return new(Rejected(RefundRejection.ConfigurationError, RefundRules.RF1, RefundAdvice.CheckConfiguration, problem), false, null, null, null, problem);
        }

        var call = await antom.RefundAsync(request, ActivityExecutionContext.Current.CancellationToken);
        ActivityTelemetry.RecordAntomCall(AntomApis.Refund, call, call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode);
        if (call.Answer is not { } answer)
        {
            var reason = call.NoAnswer?.ToString() ?? "NoAnswer";
            logger.LogInformation(
                "Refund attempt {Attempt} {RefundRequestId} for {PaymentId}: no answer ({NoAnswer}); counts as U (RF1)",
                input.Attempt, input.RefundRequestId, input.PaymentId, reason);
            return new(RefundAnswerClassifier.NoAnswer($"{reason}: {call.Detail}"), true, null, null, reason, call.Detail);
        }

        var classification = RefundAnswerClassifier.Classify(answer.Result.ResultStatus, answer.Result.ResultCode);
        logger.LogInformation(
            "Refund attempt {Attempt} {RefundRequestId} for {PaymentId}: {ResultStatus} {ResultCode} ({AnswerKind})",
            input.Attempt, input.RefundRequestId, input.PaymentId, answer.Result.ResultStatus, answer.Result.ResultCode, classification.Kind);
        return new(classification, true, answer.RefundId, answer.RefundTime, null, answer.Result.ResultMessage);
    }

    /// <summary>inquiryRefund for the refund fallback's refund (by refundId when known, else by refundRequestId). No answer
    /// or a non-S answer is a result here, not a failure: the workflow decides.</summary>
    [Activity("InquireRefund")]
    public async Task<RefundInquiryResult> InquireRefundAsync(RefundInquiryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ActivityTelemetry.TagPayment(input.PaymentRequestId, null);
        var antom = merchants.For(input.AntomMerchant).Client;
        var call = await antom.InquiryRefundAsync(
            new InquiryRefundRequest(input.RefundId is null ? input.RefundRequestId : null, input.RefundId), ActivityExecutionContext.Current.CancellationToken);
        ActivityTelemetry.RecordAntomCall(AntomApis.InquiryRefund, call, call.Answer?.Result.ResultStatus, call.Answer?.Result.ResultCode);
        if (call.Answer is not { } answer)
        {
            return new(null, null, null, $"no answer ({call.NoAnswer})");
        }

        return answer.Result.ResultStatus == "S"
            ? new(answer.RefundStatus, answer.RefundId, answer.RefundTime, $"refund {answer.RefundId} {answer.RefundStatus}")
            : new(null, null, null, $"{answer.Result.ResultStatus} {answer.Result.ResultCode}");
    }

    private static RefundAnswerClassification Rejected(RefundRejection why, string rule, string advice, string detail) =>
        new(RefundAnswerKind.Rejected, why, null, null, rule, advice, Retry: false) { Detail = detail };
}
