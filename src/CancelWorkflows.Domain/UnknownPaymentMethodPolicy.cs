using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>What to do with a payment whose <c>paymentMethodType</c> the catalogue does not know (or that reports none).
/// Configuration key <c>Cancel:UnknownPaymentMethod</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnknownPaymentMethodPolicy>))]
public enum UnknownPaymentMethodPolicy
{
    /// <summary>W5, "every other payment method": the row Table 1 gives any method it does not name. Antom applies its own
    /// windows to the cancel call, so its answer is authoritative when the guess is wrong.</summary>
    TreatAsOther,

    /// <summary>Refuse the cancel (NotCancellable under W5 narrowed to nothing); nothing is sent to Antom until someone checks
    /// the method and adds it to configuration.</summary>
    Refuse,
}
