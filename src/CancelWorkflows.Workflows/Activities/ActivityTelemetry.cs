using System.Diagnostics;
using CancelWorkflows.Antom.Client;
using Temporalio.Activities;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>
/// What an activity adds to its own span (the host's tracing interceptor runs each activity in one) and to the metrics:
/// ids, attempt, Antom's answer, never a key, a signature or a body. Metrics go through the activity's Temporal metric
/// meter, which the host bridges to OpenTelemetry.
/// </summary>
internal static class ActivityTelemetry
{
    public const string PaymentRequestIdAttribute = "cancelworkflows.payment_request_id";
    public const string PaymentIdAttribute = "cancelworkflows.payment_id";
    public const string AttemptAttribute = "cancelworkflows.cancel.attempt";
    public const string ResultStatusAttribute = "cancelworkflows.antom.result_status";
    public const string ResultCodeAttribute = "cancelworkflows.antom.result_code";
    public const string RuleAttribute = "cancelworkflows.rule";
    public const string VerdictAttribute = "cancelworkflows.eligibility.verdict";
    public const string MethodAttribute = "cancelworkflows.payment_method";

    public static void TagPayment(string? paymentRequestId, string? paymentId)
    {
        Activity.Current?.SetTag(PaymentRequestIdAttribute, paymentRequestId);
        Activity.Current?.SetTag(PaymentIdAttribute, paymentId);
    }

    public static void Tag(string name, object? value) => Activity.Current?.SetTag(name, value);

    /// <summary>Antom's answer on the span, and the call's latency by API and result.</summary>
    public static void RecordAntomCall<T>(string api, AntomCall<T> call, string? resultStatus, string? resultCode)
        where T : class
    {
        var result = call.Answer is null ? CancelMetrics.NoAnswer : resultStatus ?? "none";
        Tag(ResultStatusAttribute, result);
        Tag(ResultCodeAttribute, resultCode);
        if (call.Answer is null)
        {
            Tag("error.type", call.NoAnswer?.ToString() ?? CancelMetrics.NoAnswer);
        }

        ActivityExecutionContext.Current.MetricMeter
            .CreateHistogram<double>(CancelMetrics.AntomCallDuration, "s", "Antom calls, send to answer or to giving up, by API and result")
            .Record(call.Elapsed.TotalSeconds, [new(CancelMetrics.ApiTag, api), new(CancelMetrics.ResultTag, result)]);
    }

    /// <summary>One cancel call made: counted by what Antom answered (U answers are <c>result=U</c>).</summary>
    public static void CountCancelAttempt(string result, string? resultCode) =>
        ActivityExecutionContext.Current.MetricMeter
            .CreateCounter<long>(CancelMetrics.CancelAttempts, "{attempt}", "Cancel calls made, by Antom's answer")
            .Add(1, [new(CancelMetrics.ResultTag, result), new(CancelMetrics.ResultCodeTag, resultCode ?? "none")]);
}

/// <summary>The <c>api</c> tag of <see cref="CancelMetrics.AntomCallDuration"/>: Antom's endpoint names.</summary>
public static class AntomApis
{
    public const string Cancel = "cancel";
    public const string InquiryPayment = "inquiryPayment";
    public const string InquiryRefund = "inquiryRefund";
    public const string Refund = "refund";
}
