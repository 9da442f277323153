namespace CancelWorkflows.Contracts;

/// <summary>
/// Body of <c>POST /v1/promotions</c> (create) and <c>PUT /v1/promotions/{promoId}</c> (create or update): cancel the
/// promotion's unpaid holds once at <see cref="EndsAt"/>, or every time <see cref="Cron"/> fires in <see cref="TimeZone"/>.
/// </summary>
public sealed record PromotionRequest
{
    /// <summary>1-48 characters: letters, digits, '.', '_', '-' (starting with a letter or digit). Optional with PUT.</summary>
    public string? PromoId { get; init; }

    /// <summary>One-off: when the promotion ends (sent as ISO-8601 with its offset); must be in the future.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Recurring: a 5-field cron (minute hour day-of-month month day-of-week), e.g. <c>0 22 * * SUN</c>.</summary>
    public string? Cron { get; init; }

    /// <summary>IANA time zone, e.g. <c>Europe/Paris</c>: required with <see cref="Cron"/>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Hold cancellations in flight at once (the service's default when null).</summary>
    public int? MaxParallel { get; init; }

    public string? Note { get; init; }

    /// <summary>Optional: the Antom merchant the holds are cancelled as (a configured name, as a start's
    /// <c>antomMerchant</c>); unknown → 400. Left out: the default merchant. Left out of the body when null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? AntomMerchant { get; init; }
}
