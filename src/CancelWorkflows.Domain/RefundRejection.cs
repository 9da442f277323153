using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>Why Antom refused a refund (the <see cref="RefundAnswerKind.Rejected"/> kinds).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefundRejection>))]
public enum RefundRejection
{
    /// <summary>REFUND_WINDOW_EXCEED: past the method's refund period (RF3).</summary>
    WindowExceeded,

    /// <summary>REFUND_AMOUNT_EXCEED: the amount is more than what is left to refund (RF2).</summary>
    AmountExceeded,

    /// <summary>CURRENCY_NOT_SUPPORT: the refund's currency is not the payment's (RF2).</summary>
    CurrencyMismatch,

    /// <summary>PAYMENT_METHOD_NOT_SUPPORTED (earlier REFUND_NOT_SUPPORTED): the method cannot be refunded through Antom (RF4).</summary>
    MethodNotRefundable,

    /// <summary>PARTIAL_REFUND_NOT_SUPPORTED: the method refunds only the whole payment (RF4).</summary>
    PartialRefundNotSupported,

    /// <summary>ORDER_STATUS_INVALID: the payment is not successful (or, for a card, not captured) (RF5).</summary>
    PaymentNotRefundable,

    /// <summary>ORDER_IS_CANCELED: the payment was cancelled; the cancel already returns the money (RF5, C2).</summary>
    PaymentCancelled,

    /// <summary>ORDER_NOT_EXIST: Antom does not know the paymentId (for this client id).</summary>
    PaymentNotFound,

    /// <summary>MERCHANT_BALANCE_NOT_ENOUGH: the merchant's balance at Antom cannot cover the refund.</summary>
    MerchantBalanceInsufficient,

    /// <summary>Signature, key, client or request errors: an engineer must fix something.</summary>
    ConfigurationError,

    /// <summary>Any other F.</summary>
    Other,
}
