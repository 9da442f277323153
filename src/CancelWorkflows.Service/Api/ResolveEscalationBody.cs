namespace CancelWorkflows.Service.Api;

/// <summary>Body of <c>POST /v1/cancellations/{paymentRequestId}/escalation/resolve</c>. Unknown fields are refused.</summary>
/// <param name="Outcome">What support found or did, e.g. <c>Cancelled</c> or <c>Refunded</c> (required, at most 64 characters).</param>
/// <param name="ResolvedBy">Who resolved it (at most 128 characters); the calling service's name when absent.</param>
/// <param name="Note">Free text for the record (at most 1024 characters).</param>
public sealed record ResolveEscalationBody(string? Outcome, string? ResolvedBy, string? Note)
{
    public const int MaxOutcomeLength = 64;
    public const int MaxResolvedByLength = 128;
    public const int MaxNoteLength = 1024;

    public static IReadOnlyList<string> Fields { get; } = ["outcome", "resolvedBy", "note"];

    public static ResolveEscalationBody From(StrictJsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new(json["outcome"], json["resolvedBy"], json["note"]);
    }

    /// <summary>Errors by field; empty when acceptable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Outcome is null)
        {
            errors["outcome"] = ["Required: what support found or did (e.g. Cancelled, Refunded)."];
        }

        Bounded(errors, "outcome", Outcome, MaxOutcomeLength, allowLineBreaks: false);
        Bounded(errors, "resolvedBy", ResolvedBy, MaxResolvedByLength, allowLineBreaks: false);
        Bounded(errors, "note", Note, MaxNoteLength, allowLineBreaks: true);
        return errors;
    }

    private static void Bounded(Dictionary<string, string[]> errors, string field, string? value, int max, bool allowLineBreaks)
    {
        if (value is null || errors.ContainsKey(field))
        {
            return;
        }

        if (value.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
        }
        else if (value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
        {
            errors[field] = ["Control characters are not allowed."];
        }
    }
}
