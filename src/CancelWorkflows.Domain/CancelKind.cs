using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>What a cancel call will do to the payment (C1, C2, C5, N3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CancelKind>))]
public enum CancelKind
{
    /// <summary>Unpaid (or result unknown): the buyer can no longer pay; a late payment is refunded in full (C1, C5).</summary>
    VoidUnpaid,

    /// <summary>Paid: the payment is cancelled and refunded in full, no fee (C2, C3).</summary>
    CancelPaid,

    /// <summary>Card authorised, not captured: the authorisation is voided (C5 card row, W3).</summary>
    VoidCardAuthorization,

    /// <summary>Mercado Pago: close the transaction so the buyer cannot pay any more, or cancel within 7 days (N3, W4).</summary>
    CloseMercadoPago,
}
