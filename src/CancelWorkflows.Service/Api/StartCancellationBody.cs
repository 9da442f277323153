namespace CancelWorkflows.Service.Api;

/// <summary>Body of <c>POST /v1/cancellations</c>. One of the two ids is required (A2). Unknown fields are refused.</summary>
/// <param name="PaymentRequestId">The merchant's id of the payment (preferred: it names the workflow). At most 64 characters.</param>
/// <param name="PaymentId">Antom's id of the payment, when the merchant's is not known. At most 64 characters.</param>
/// <param name="Reason">Why it is cancelled (recorded, shown in Temporal Web). At most 256 characters.</param>
/// <param name="BookingRef">The booking this payment belongs to (search attribute). At most 64 characters.</param>
/// <param name="Merchant">The merchant or brand (search attribute, list filter). At most 64 characters.</param>
/// <param name="CallbackUrl">Where to report the outcome, signed (absolute http/https URL, at most 1024 characters).</param>
/// <param name="NotBefore">Optional: do not start before this time (ISO-8601 with offset, at most 30 days ahead; a time
/// already passed starts now): a single delayed cancel for a hold whose expiry is known.</param>
public sealed record StartCancellationBody(
    string? PaymentRequestId,
    string? PaymentId,
    string? Reason,
    string? BookingRef,
    string? Merchant,
    string? CallbackUrl,
    string? NotBefore = null)
{
    /// <summary>The body from a strictly read JSON object (blanks as null; fields trimmed, ids of plain spaces only, so the
    /// validation sees any other whitespace around an id and refuses it).</summary>
    public static StartCancellationBody From(StrictJsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new(json.Id("paymentRequestId"), json.Id("paymentId"), json["reason"], json.Id("bookingRef"), json.Id("merchant"), json["callbackUrl"], json["notBefore"]);
    }
}
