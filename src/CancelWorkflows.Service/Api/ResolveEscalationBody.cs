namespace CancelWorkflows.Service.Api;

/// <summary>Body of <c>POST /v1/cancellations/{paymentRequestId}/escalation/resolve</c>. Unknown fields are refused, and so is
/// <c>resolvedBy</c>: who resolved it is the authenticated caller, never what a body says.</summary>
/// <param name="Outcome">What support found or did, e.g. <c>Cancelled</c> or <c>Refunded</c> (required, at most 64 characters).</param>
/// <param name="Note">Free text for the record, e.g. who at support did what (at most 1024 characters).</param>
public sealed record ResolveEscalationBody(string? Outcome, string? Note)
{
    public const int MaxOutcomeLength = 64;
    public const int MaxNoteLength = 1024;

    /// <summary>The field the body may not set (read only to refuse it with a reason).</summary>
    public const string ResolvedByField = "resolvedBy";

    public static IReadOnlyList<string> Fields { get; } = ["outcome", "note", ResolvedByField];

    public static ResolveEscalationBody From(StrictJsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new(json["outcome"], json["note"]);
    }

    /// <summary>Errors by field; empty when acceptable.</summary>
    public static Dictionary<string, string[]> Validate(StrictJsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var body = From(json);
        var errors = new Dictionary<string, string[]>();
        if (body.Outcome is null)
        {
            errors["outcome"] = ["Required: what support found or did (e.g. Cancelled, Refunded)."];
        }

        if (json.Has(ResolvedByField))
        {
            errors[ResolvedByField] = ["Not accepted: the resolution is recorded as made by your API key's caller. Say who did what in note."];
        }

        Bounded(errors, "outcome", body.Outcome, MaxOutcomeLength, allowLineBreaks: false);
        Bounded(errors, "note", body.Note, MaxNoteLength, allowLineBreaks: true);
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
