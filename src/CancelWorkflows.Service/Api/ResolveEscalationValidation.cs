using CancelWorkflows.Contracts;

namespace CancelWorkflows.Service.Api;

/// <summary>What a resolution (<see cref="ResolveEscalationRequest"/>) may say. Unknown fields are refused as the body is
/// read, and so is <c>resolvedBy</c>, with its own reason: who resolved it is the authenticated caller, never what a body
/// says.</summary>
public static class ResolveEscalationValidation
{
    public const int MaxOutcomeLength = 64;
    public const int MaxNoteLength = 1024;

    /// <summary>The field the body may not set.</summary>
    public const string ResolvedByField = "resolvedBy";

    /// <summary>The body with its fields trimmed, blanks as null (null when there was none).</summary>
    public static ResolveEscalationRequest? Normalize(ResolveEscalationRequest? body) =>
        body is null ? null : body with { Outcome = Trimmed(body.Outcome)!, Note = Trimmed(body.Note) };

    /// <summary>The reading's field errors, with the reason <c>resolvedBy</c> is refused.</summary>
    public static Dictionary<string, string[]> Explain(Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.ContainsKey(ResolvedByField))
        {
            errors[ResolvedByField] = ["Not accepted: the resolution is recorded as made by your API key's caller. Say who did what in note."];
        }

        return errors;
    }

    /// <summary>Errors by field; empty when acceptable.</summary>
    public static Dictionary<string, string[]> Validate(ResolveEscalationRequest? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.Outcome is null)
        {
            errors["outcome"] = ["Required: what support found or did (e.g. Cancelled, Refunded)."];
        }

        Bounded(errors, "outcome", body?.Outcome, MaxOutcomeLength, allowLineBreaks: false);
        Bounded(errors, "note", body?.Note, MaxNoteLength, allowLineBreaks: true);
        return errors;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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
