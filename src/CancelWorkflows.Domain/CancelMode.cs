using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>Why a cancellation was asked for, where it changes the answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CancelMode>))]
public enum CancelMode
{
    /// <summary>Cancel whatever the windows allow: unpaid is voided, paid is cancelled and refunded (C1, C2).</summary>
    Standard,

    /// <summary>Promo-expiry mode: only unpaid holds are cancelled; a paid payment is left alone ("paid, nothing to cancel").</summary>
    UnpaidOnly,
}
