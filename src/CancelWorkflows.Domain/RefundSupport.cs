using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>Whether Antom refunds payments made with a method, as Antom's own method page shows it (the catalogue's <c>refund</c> column).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefundSupport>))]
public enum RefundSupport
{
    /// <summary>No Antom source seen says. The refund is attempted and Antom's answer decides (docs/rules.md, "Refunds").</summary>
    Unknown,

    /// <summary>Antom's method page shows refund ✔.</summary>
    Supported,

    /// <summary>Antom's method page shows refund ❌: the refund API answers <c>PAYMENT_METHOD_NOT_SUPPORTED</c>.</summary>
    NotSupported,
}
