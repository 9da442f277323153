namespace CancelWorkflows.Contracts;

/// <summary>Body of <c>POST /v1/cancellations</c>. Give <see cref="PaymentRequestId"/> or <see cref="PaymentId"/> (or both).</summary>
public sealed record StartCancellationRequest
{
    /// <summary>The merchant's id of the payment (preferred: it names the workflow, <c>cancel-&lt;id&gt;</c>). At most 64 characters.</summary>
    public string? PaymentRequestId { get; init; }

    /// <summary>Antom's id of the payment, when the merchant's is not known. At most 64 characters.</summary>
    public string? PaymentId { get; init; }

    /// <summary>Why it is cancelled (recorded, shown in Temporal Web). At most 256 characters.</summary>
    public string? Reason { get; init; }

    /// <summary>The booking the payment belongs to (searchable). At most 64 characters.</summary>
    public string? BookingRef { get; init; }

    /// <summary>The merchant or brand (searchable, a list filter). At most 64 characters.</summary>
    public string? Merchant { get; init; }

    /// <summary>Absolute http(s) URL the service POSTs signed events to (outcome, refund reconciliation). At most 1024 characters.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>Optional: <c>"refund"</c> refunds a paid payment in full when it can no longer be cancelled (window passed,
    /// captured card); <c>"none"</c> leaves it NotCancellable. Left out: the caller's default
    /// (<c>Api:Callers:&lt;caller&gt;:Fallback</c>), else the merchant's, else <c>"none"</c>. See <see cref="CancellationFallbacks"/>.
    /// Left out of the body when null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Fallback { get; init; }

    /// <summary>Optional: the Antom merchant account to cancel as, by its configured name (<c>Antom:MerchantName</c> or a
    /// name under <c>Antom:Merchants</c>). Left out: the caller's default (<c>Api:Callers:&lt;caller&gt;:AntomMerchant</c>),
    /// else the default merchant. An unknown name is a 400 and nothing is started. Left out of the body when null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? AntomMerchant { get; init; }

    /// <summary>Optional: a single delayed cancel, started now and run at this time (at most 30 days ahead; a time already
    /// passed runs now). Left out of the body when null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? NotBefore { get; init; }
}
