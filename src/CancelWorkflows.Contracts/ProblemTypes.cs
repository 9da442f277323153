namespace CancelWorkflows.Contracts;

/// <summary>The <c>type</c> of the API's own RFC 7807 problems (generic ones keep ASP.NET's RFC 9110 links). Compare a
/// problem's type with these, never its title.</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:cancelworkflows:problem:";

    /// <summary>422: an <c>Idempotency-Key</c> used again with a different body.</summary>
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";

    /// <summary>403: the caller's roles do not allow this route (e.g. resolving an escalation takes an operator).</summary>
    public const string Forbidden = Prefix + "forbidden";

    /// <summary>429: the caller made more requests than <c>Api:RateLimit</c> allows; <c>Retry-After</c> says when to retry.</summary>
    public const string RateLimited = Prefix + "rate-limited";

    /// <summary>409: another caller already asked to cancel this payment (nothing more is said about it).</summary>
    public const string PaymentCancelledByAnotherCaller = Prefix + "payment-cancelled-by-another-caller";

    /// <summary>409: this payment id's cancellation exists for another Antom merchant (<c>antomMerchant</c>); nothing started.</summary>
    public const string PaymentIdOfAnotherMerchant = Prefix + "payment-id-of-another-merchant";

    /// <summary>404: no cancellation for this payment (or none this caller may see: the answer is the same).</summary>
    public const string CancellationNotFound = Prefix + "cancellation-not-found";

    /// <summary>409: a resolution for a cancellation that is not waiting for one.</summary>
    public const string NotEscalated = Prefix + "not-escalated";

    /// <summary>413: the body is larger than the API reads.</summary>
    public const string BodyTooLarge = Prefix + "body-too-large";

    /// <summary>415: the body is not JSON.</summary>
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";

    /// <summary>503: Temporal did not answer (or the workflow could not answer now); retry later.</summary>
    public const string TemporalUnavailable = Prefix + "temporal-unavailable";

    /// <summary>409: Temporal says the workflow or schedule this request would create exists already (normally the API
    /// answers with the existing one; this is the rare case it could not); read it, or retry.</summary>
    public const string AlreadyExists = Prefix + "already-exists";

    /// <summary>502: Temporal answered with an error the API cannot turn into a better answer.</summary>
    public const string TemporalError = Prefix + "temporal-error";

    /// <summary>400: the promotion's body or id is not valid; nothing was touched.</summary>
    public const string InvalidPromotion = Prefix + "invalid-promotion";

    /// <summary>400: POST with the id of an existing promotion but different content; use PUT to change it.</summary>
    public const string PromotionExists = Prefix + "promotion-exists-with-different-content";

    /// <summary>404: no promotion with this id.</summary>
    public const string PromotionNotFound = Prefix + "promotion-not-found";

    /// <summary>409: trigger while a run is in progress (it would be skipped: runs of a promotion never overlap).</summary>
    public const string PromotionRunInProgress = Prefix + "promotion-run-in-progress";

    /// <summary>503: the service has no holds source (<c>Promotions:HoldsSourceUrl</c>), so no run could list holds.</summary>
    public const string HoldsSourceNotConfigured = Prefix + "holds-source-not-configured";
}
