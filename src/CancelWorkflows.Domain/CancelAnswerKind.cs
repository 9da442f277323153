using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>What a cancel answer (or its absence) means for the workflow (A3, A4, docs/antom-api.md §1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CancelAnswerKind>))]
public enum CancelAnswerKind
{
    /// <summary>S: cancelled.</summary>
    Cancelled,

    /// <summary>U, no answer, or an answer that cannot be trusted: resend the same request (A3), escalate after three (A4).</summary>
    Unknown,

    /// <summary>CANCEL_WINDOW_EXCEED: the contractual window has passed; refund instead.</summary>
    WindowExceeded,

    /// <summary>PROCESS_FAIL: the payment was refunded, so it cannot be cancelled (N1).</summary>
    AlreadyRefunded,

    /// <summary>ORDER_NOT_EXIST: Antom does not know the payment named in the request.</summary>
    NotFound,

    /// <summary>Signature, key, client or request errors: an engineer must fix something; retrying cannot help.</summary>
    ConfigurationError,

    /// <summary>Any other F: Antom refused.</summary>
    Rejected,
}
