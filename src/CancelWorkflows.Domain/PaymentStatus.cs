using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>Antom's <c>paymentStatus</c> values (docs/antom-api.md §2), plus INITIATED used before the pay call completes.</summary>
/// <remarks>Serialized by name, like every domain enum: payloads kept in Temporal history survive reordering of members.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentStatus>))]
public enum PaymentStatus
{
    Initiated,
    Processing,
    Pending,
    Success,
    Fail,
    Cancelled,
}

public static class PaymentStatusCodes
{
    /// <summary>Parses Antom's upper-case wire value; null or unknown values return null (never guessed).</summary>
    public static PaymentStatus? Parse(string? value) => value?.ToUpperInvariant() switch
    {
        "INITIATED" => PaymentStatus.Initiated,
        "PROCESSING" => PaymentStatus.Processing,
        "PENDING" => PaymentStatus.Pending,
        "SUCCESS" => PaymentStatus.Success,
        "FAIL" => PaymentStatus.Fail,
        "CANCELLED" => PaymentStatus.Cancelled,
        _ => null,
    };

    public static string ToWire(this PaymentStatus status) => status switch
    {
        PaymentStatus.Initiated => "INITIATED",
        PaymentStatus.Processing => "PROCESSING",
        PaymentStatus.Pending => "PENDING",
        PaymentStatus.Success => "SUCCESS",
        PaymentStatus.Fail => "FAIL",
        PaymentStatus.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
