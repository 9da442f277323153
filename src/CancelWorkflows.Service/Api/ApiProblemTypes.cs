namespace CancelWorkflows.Service.Api;

/// <summary>The <c>type</c> of the API's own RFC 7807 problems (generic ones keep ASP.NET's RFC 9110 links).</summary>
public static class ApiProblemTypes
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

    /// <summary>404: no cancellation for this payment (or none this caller may see: the answer is the same).</summary>
    public const string CancellationNotFound = Prefix + "cancellation-not-found";

    /// <summary>409: a resolution for a cancellation that is not waiting for one.</summary>
    public const string NotEscalated = Prefix + "not-escalated";

    /// <summary>413: the body is larger than the API reads.</summary>
    public const string BodyTooLarge = Prefix + "body-too-large";

    /// <summary>415: the body is not JSON.</summary>
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";

    /// <summary>503: Temporal did not answer.</summary>
    public const string TemporalUnavailable = Prefix + "temporal-unavailable";

    /// <summary>502: Temporal answered with an error the API cannot turn into a better answer.</summary>
    public const string TemporalError = Prefix + "temporal-error";
}
