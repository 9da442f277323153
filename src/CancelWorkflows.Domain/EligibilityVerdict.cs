using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>The policy's answer to "may we call cancel for this payment now?".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EligibilityVerdict>))]
public enum EligibilityVerdict
{
    /// <summary>Call cancel; <see cref="EligibilityDecision.Kind"/> says what it will do.</summary>
    Proceed,

    /// <summary>Antom already reports CANCELLED (C4): the goal is reached, no call.</summary>
    AlreadyCancelled,

    /// <summary>There is nothing a cancel would change (failed payment, or a paid one in <see cref="CancelMode.UnpaidOnly"/>).</summary>
    NothingToCancel,

    /// <summary>A rule forbids the cancel; <see cref="EligibilityDecision.Advice"/> says what to do instead.</summary>
    NotCancellable,
}
