using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.AntomSimulator;

/// <summary>Body of <c>PUT /sim/v1/payments/{paymentRequestId}</c>: create or replace a payment.</summary>
public sealed record SimPaymentInput
{
    /// <summary>Antom's payment id; made when absent (kept when an existing payment is replaced).</summary>
    public string? PaymentId { get; init; }

    /// <summary>Required, e.g. <c>CARD</c>, <c>ALIPAY_CN</c>, <c>DANA</c>, <c>MERCADOPAGO_BR</c>.</summary>
    public string? PaymentMethodType { get; init; }

    /// <summary>Required: INITIATED, PROCESSING, SUCCESS, FAIL or CANCELLED.</summary>
    public string? PaymentStatus { get; init; }

    /// <summary>Required: currency (ISO 4217) and value in minor units (digits, as a string).</summary>
    public AntomAmount? PaymentAmount { get; init; }

    /// <summary>When the pay call happened; default: the simulator clock now.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When the payment completed; default for SUCCESS: <see cref="CreateTime"/>.</summary>
    public DateTimeOffset? PaymentTime { get; init; }

    /// <summary>Only with CANCELLED: when it was cancelled; default: the simulator clock now.</summary>
    public DateTimeOffset? CancelTime { get; init; }

    /// <summary>Funds captured (only with SUCCESS). A captured card payment can no longer be cancelled (W3/N2).</summary>
    public bool Captured { get; init; }

    /// <summary>Refunded by the merchant (only with SUCCESS): cancel answers PROCESS_FAIL (N1).</summary>
    public bool Refunded { get; init; }

    /// <summary>
    /// The client id of the merchant the payment belongs to: cancel, inquiryPayment, refund and inquiryRefund from another
    /// merchant answer ORDER_NOT_EXIST, as Antom does for a payment it does not know, and notifications carry this client id.
    /// Default: <see cref="SimulatorOptions.DefaultClientId"/>, else the one merchant of <see cref="SimulatorOptions.Merchants"/>.
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>The earlier name of <see cref="ClientId"/>, still accepted; when both are given they must agree.</summary>
    public string? Merchant { get; init; }

    /// <summary>
    /// How refunds of this payment complete: <c>sync</c> (default; the refund API answers S SUCCESS, as Antom does for digital
    /// wallets) or <c>async</c> (it answers U REFUND_IN_PROCESS and the refund stays PROCESSING until a <c>type: refund</c>
    /// notification is sent through the control API, which completes it and delivers notifyRefund).
    /// </summary>
    public string? RefundMode { get; init; }
}

/// <summary>The payment as the simulator sees it now (<c>GET /sim/v1/payments/{paymentRequestId}</c>).</summary>
/// <param name="PaymentStatus">The status now, by the simulator clock: an unpaid payment is FAIL 14 minutes after <c>createTime</c>.</param>
/// <param name="StoredStatus">The status as last set (before the 14-minute expiry is applied).</param>
/// <param name="ClientId">The merchant the payment belongs to (null only in a book written before payments had owners: any merchant).</param>
/// <param name="EffectiveCancels">How many calls actually cancelled it: 0 or 1, never more.</param>
/// <param name="RefundMode"><c>sync</c> or <c>async</c>: how refund API calls complete.</param>
/// <param name="EffectiveRefunds">Refunds the refund API accepted: one per refundRequestId, never more.</param>
/// <param name="RefundedTotal">The SUCCESS and PROCESSING refunds together (a PROCESSING refund already holds its amount);
/// never more than the payment.</param>
/// <param name="RejectedRefunds">Refund requests Antom's rules refused; the same refundRequestId gets the same answer again.</param>
public sealed record SimPaymentView(
    string PaymentRequestId,
    string PaymentId,
    string? ClientId,
    string PaymentMethodType,
    string PaymentStatus,
    string StoredStatus,
    AntomAmount PaymentAmount,
    DateTimeOffset CreateTime,
    DateTimeOffset? PaymentTime,
    bool Captured,
    bool Refunded,
    DateTimeOffset? CancelTime,
    int EffectiveCancels,
    string RefundMode,
    int EffectiveRefunds,
    AntomAmount RefundedTotal,
    IReadOnlyList<SimRefund> Refunds,
    IReadOnlyList<SimRefundRejection> RejectedRefunds,
    IReadOnlyList<SimFault> PendingFaults,
    IReadOnlyList<SimCall> Calls,
    IReadOnlyList<SimDelivery> Deliveries);

/// <summary>One call received on an Antom path for this payment.</summary>
/// <param name="Time">Simulator clock.</param>
/// <param name="Api"><c>cancel</c>, <c>inquiryPayment</c>, <c>refund</c> or <c>inquiryRefund</c>.</param>
/// <param name="ResultStatus">S/F/U as answered; null when no Antom answer was given (http500, drop).</param>
/// <param name="FaultApplied">The injected fault kind, if any.</param>
/// <param name="HttpStatus">HTTP status sent; 0 when the connection was dropped.</param>
/// <param name="Effective">True for the one call that actually cancelled the payment, and for the one refund call that created
/// each refund.</param>
public sealed record SimCall(
    DateTimeOffset Time,
    string Api,
    string? ClientId,
    string? ResultStatus,
    string? ResultCode,
    string? FaultApplied,
    int HttpStatus,
    bool Sandbox,
    bool Effective);

/// <summary>A refund held by the simulator. <c>Reason</c>: <c>api</c> (the refund API), <c>merchant</c> (the <c>refunded</c>
/// flag), <c>cancel</c> (C2: a paid payment cancelled in its window) or <c>paidAfterCancel</c> (C4/C5: a success notification
/// for a cancelled payment). <c>RefundStatus</c>: SUCCESS, PROCESSING or FAIL. <c>NotifyUrl</c>: the request's
/// refundNotifyUrl, where its notifyRefund goes.</summary>
public sealed record SimRefund(
    string RefundId,
    string RefundRequestId,
    AntomAmount RefundAmount,
    string RefundStatus,
    DateTimeOffset? RefundTime,
    string Reason,
    string? NotifyUrl = null);

/// <summary>A refund request Antom's rules refused (simulator clock); the same refundRequestId and amount get the same answer.</summary>
public sealed record SimRefundRejection(string RefundRequestId, AntomAmount RefundAmount, string ResultCode, DateTimeOffset Time);

/// <summary>
/// A fault for the next calls (<c>POST /sim/v1/payments/{paymentRequestId}/faults</c>). Kinds: <c>U</c> (answer U
/// UNKNOWN_EXCEPTION, payment untouched), <c>F</c> (answer F with <see cref="ResultCode"/>, payment untouched),
/// <c>http500</c>, <c>drop</c> (connection aborted, no answer), <c>delay</c> (wait <see cref="DelayMs"/>, then the normal
/// answer), <c>badSignature</c> (the normal answer, signed wrongly).
/// </summary>
public sealed record SimFault
{
    /// <summary>U, F, http500, drop, delay or badSignature.</summary>
    public string? Kind { get; init; }

    /// <summary>How many calls it applies to (default 1).</summary>
    public int? Count { get; init; }

    /// <summary>Required for F, e.g. PROCESS_FAIL, INVALID_SIGNATURE; optional for U (default UNKNOWN_EXCEPTION), e.g.
    /// CANCEL_WINDOW_EXCEED for a U that carries a final code.</summary>
    public string? ResultCode { get; init; }

    /// <summary>Required for delay.</summary>
    public int? DelayMs { get; init; }

    /// <summary>Which calls it applies to: <c>cancel</c> (default), <c>inquiryPayment</c>, <c>refund</c>, <c>inquiryRefund</c> or <c>any</c>.</summary>
    public string? Api { get; init; }

    /// <summary>For http500 and drop: process the call first (the cancel or refund takes effect), then lose the answer.</summary>
    public bool? ProcessFirst { get; init; }
}

/// <summary>Body of <c>POST /sim/v1/payments/{paymentRequestId}/notifications</c>.</summary>
public sealed record SimNotificationRequest
{
    /// <summary><c>payment</c> (notifyPayment) or <c>refund</c> (notifyRefund).</summary>
    public string? Type { get; init; }

    /// <summary>SUCCESS or FAIL.</summary>
    public string? Status { get; init; }

    /// <summary>Where to send it; default <see cref="SimulatorOptions.NotifyUrl"/>.</summary>
    public string? Url { get; init; }

    /// <summary>For payment: PAYMENT_RESULT (default) or PAYMENT_PENDING (status SUCCESS only; the payment is not changed).</summary>
    public string? NotifyType { get; init; }

    /// <summary>The <c>client-id</c> header; default: the merchant the payment belongs to (for a payment written before payments
    /// had owners: the last merchant that called for it, else the first trusted merchant).</summary>
    public string? ClientId { get; init; }

    /// <summary>For refund: which refund to report (default: the latest). SUCCESS or FAIL completes a PROCESSING refund; a
    /// refund already SUCCESS or FAIL may only be reported as it is.</summary>
    public string? RefundRequestId { get; init; }
}

/// <summary>One notification and its delivery attempts (real time, not the simulator clock).</summary>
public sealed record SimDelivery(
    string DeliveryId,
    string Type,
    string NotifyType,
    string ResultStatus,
    string Url,
    string ClientId,
    DateTimeOffset CreatedAt,
    bool Acknowledged,
    bool Finished,
    IReadOnlyList<SimDeliveryAttempt> Attempts);

/// <summary>One delivery attempt. <c>HttpStatus</c> null when no HTTP answer came (<c>Error</c> says why).</summary>
public sealed record SimDeliveryAttempt(int Attempt, DateTimeOffset Time, int? HttpStatus, bool Acknowledged, string? Error);

/// <summary>Body of <c>PUT /sim/v1/clock</c>, and the answer of the clock endpoints.</summary>
public sealed record SimClock(DateTimeOffset? Now, bool Fixed = false);

/// <summary>Body of <c>PUT /sim/v1/merchants/{clientId}</c>.</summary>
public sealed record SimMerchantKey(string? PublicKeyPem);
