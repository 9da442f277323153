using System.Text.Json;

namespace CancelWorkflows.Service.Promotions;

/// <summary>Body of <c>POST /v1/promotions</c> and <c>PUT /v1/promotions/{promoId}</c>. Unknown fields are refused.</summary>
/// <param name="PromoId">The promotion's id: 1-48 characters, letters, digits, '.', '_' and '-', starting with a letter or digit.
/// The schedule is <c>promo-expiry-&lt;promoId&gt;</c>.</param>
/// <param name="EndsAt">One-off: when the promotion ends, ISO-8601 with an offset (e.g. <c>2026-12-31T23:59:59+01:00</c>);
/// its unpaid holds are cancelled then. Must be in the future (a whole second or later; fractions round up).</param>
/// <param name="Cron">Recurring sale, instead of <c>endsAt</c>: 5-field cron (minute hour day-of-month month day-of-week),
/// e.g. <c>0 22 * * SUN</c>; needs <c>timeZone</c>.</param>
/// <param name="TimeZone">IANA time zone (e.g. <c>Europe/Paris</c>): the cron's zone; with <c>endsAt</c>, how the end is shown.</param>
/// <param name="MaxParallel">Hold cancellations in flight at once (default <c>Promotions:MaxParallel</c>, 50).</param>
/// <param name="Note">Free text for people (at most 256 characters).</param>
public sealed record PromotionBody(string? PromoId, string? EndsAt, string? Cron, string? TimeZone, int? MaxParallel, string? Note)
{
    /// <summary>The fields, as spelled on the wire.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["promoId", "endsAt", "cron", "timeZone", "maxParallel", "note"];

    /// <summary>Reads the body strictly: a JSON object, known fields once each, strings (maxParallel: a whole number).</summary>
    public static (PromotionBody Body, Dictionary<string, string[]> Errors) Parse(ReadOnlyMemory<byte> json)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var strings = new Dictionary<string, string?>(StringComparer.Ordinal);
        int? maxParallel = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            errors["$"] = [$"The body is not valid JSON: {e.Message}"];
            return (Empty, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["$"] = ["The body must be a JSON object."];
                return (Empty, errors);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name;
                var value = property.Value;
                if (!Fields.Contains(name))
                {
                    errors[name] = [$"Unknown field '{name}'. Known fields: {string.Join(", ", Fields)}."];
                }
                else if (!seen.Add(name))
                {
                    errors[name] = ["The field is given more than once."];
                }
                else if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                else if (name == "maxParallel")
                {
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
                    {
                        maxParallel = n;
                    }
                    else
                    {
                        errors[name] = ["Must be a whole number."];
                    }
                }
                else if (value.ValueKind == JsonValueKind.String)
                {
                    strings[name] = value.GetString();
                }
                else
                {
                    errors[name] = [$"Must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}."];
                }
            }
        }

        return (new PromotionBody(
            Trimmed(strings, "promoId"),
            Trimmed(strings, "endsAt"),
            Trimmed(strings, "cron"),
            Trimmed(strings, "timeZone"),
            maxParallel,
            Trimmed(strings, "note")), errors);
    }

    private static PromotionBody Empty { get; } = new(null, null, null, null, null, null);

    private static string? Trimmed(Dictionary<string, string?> values, string field) =>
        values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
