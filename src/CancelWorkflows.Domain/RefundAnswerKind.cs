using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>What a refund answer (or its absence) means (docs/rules.md RF1–RF6).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefundAnswerKind>))]
public enum RefundAnswerKind
{
    /// <summary>S: the refund succeeded (synchronous refund, RF6).</summary>
    Refunded,

    /// <summary>U REFUND_IN_PROCESS: Antom accepted the refund and will report the result (notifyRefund, inquiryRefund; RF6).
    /// Not a refund yet, and not a failure.</summary>
    Processing,

    /// <summary>F: Antom refused; <see cref="RefundAnswerClassification.Rejection"/> says why. The same refundRequestId gets the
    /// same answer again (RF1), so resending it cannot help.</summary>
    Rejected,

    /// <summary>U, no answer, or an answer that cannot be trusted: resend the same request with the same refundRequestId (RF1).</summary>
    Unknown,
}
