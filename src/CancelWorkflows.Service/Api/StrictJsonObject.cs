using System.Text.Json;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Reads a small JSON object whose fields are all strings (or null), refusing what a lenient binder would let through:
/// a body larger than the limit, a body that is not a JSON object, unknown fields, repeated fields and non-string values.
/// Every refusal names its field, so the caller gets an RFC 7807 validation problem it can act on.
/// </summary>
public sealed class StrictJsonObject
{
    private readonly Dictionary<string, string?> values;

    private StrictJsonObject(Dictionary<string, string?> values, Dictionary<string, string[]> errors)
    {
        this.values = values;
        Errors = errors;
    }

    /// <summary>Field errors by field name ("$" for the body as a whole); empty when the object was read.</summary>
    public Dictionary<string, string[]> Errors { get; }

    /// <summary>The field's value, trimmed; null when absent, null or blank.</summary>
    public string? this[string field] => values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>An id field's value with plain spaces trimmed, and nothing else (so a tab or line break at either end is
    /// still there for the validation to refuse); null when absent, null or blank.</summary>
    public string? Id(string field) =>
        values.TryGetValue(field, out var value) && value?.Trim(' ') is { Length: > 0 } id ? id : null;

    /// <summary>Whether the body has the field at all (even as null).</summary>
    public bool Has(string field) => values.ContainsKey(field);

    /// <summary>Parses <paramref name="json"/>; <paramref name="fields"/> are the allowed names (camelCase, matched exactly).</summary>
    public static StrictJsonObject Parse(ReadOnlyMemory<byte> json, IReadOnlyCollection<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            errors["$"] = [$"The body is not valid JSON: {e.Message}"];
            return new(values, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["$"] = ["The body must be a JSON object."];
                return new(values, errors);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name;
                if (!fields.Contains(name))
                {
                    errors[name] = [$"Unknown field '{name}'. Known fields: {string.Join(", ", fields)}."];
                }
                else if (values.ContainsKey(name))
                {
                    errors[name] = ["The field is given more than once."];
                }
                else if (property.Value.ValueKind == JsonValueKind.String)
                {
                    if (TextOf(property.Value) is { } text)
                    {
                        values[name] = text;
                    }
                    else
                    {
                        errors[name] = ["Not valid text: it escapes an unpaired surrogate (\\uD800-\\uDFFF alone)."];
                    }
                }
                else if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    values[name] = null;
                }
                else
                {
                    errors[name] = [$"Must be a string, not {property.Value.ValueKind.ToString().ToLowerInvariant()}."];
                }
            }
        }

        return new(values, errors);
    }

    /// <summary>The string, or null when it cannot be one: JSON may escape half a surrogate pair, .NET text cannot hold it.</summary>
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
