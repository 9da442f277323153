namespace CancelWorkflows.Service.Api;

/// <summary>Body of <c>POST /v1/cancellations</c>. One of the two ids is required (A2).</summary>
/// <param name="PaymentRequestId">The merchant's id of the payment (preferred: it names the workflow).</param>
/// <param name="PaymentId">Antom's id of the payment, when the merchant's is not known.</param>
/// <param name="Reason">Why it is cancelled (recorded, shown in Temporal Web).</param>
/// <param name="BookingRef">The booking this payment belongs to (search attribute).</param>
/// <param name="Merchant">The merchant or brand (search attribute).</param>
/// <param name="CallbackUrl">Where to report the outcome (absolute http/https URL).</param>
public sealed record StartCancellationBody(
    string? PaymentRequestId,
    string? PaymentId,
    string? Reason,
    string? BookingRef,
    string? Merchant,
    string? CallbackUrl);
