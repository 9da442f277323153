using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using CancelWorkflows.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Reads a request body into its wire contract with System.Text.Json's strict settings: unknown fields
/// (<see cref="JsonUnmappedMemberHandling.Disallow"/>, names matched exactly), repeated fields
/// (<see cref="JsonSerializerOptions.AllowDuplicateProperties"/> false), and values of the wrong kind (a number, boolean,
/// object or array where a string belongs; a string or fraction where a whole number belongs: strict number handling) are
/// refused. The size is Kestrel's: the routes carry <see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/>
/// (<see cref="MaxBytes"/>), so a larger body stops being read (413). What the serializer cannot say in the API's words
/// is said here: its exception (with the field's JSON path) becomes one reason under that field in <c>errors</c>, written
/// for the caller rather than for .NET. Fields missing or null are left to each request's validation, which names every
/// such field at once.
/// </summary>
public static partial class StrictJsonBody
{
    /// <summary>16 KiB: far more than any valid body (the fields are bounded), small enough to never matter.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>The field a body-wide error is reported under.</summary>
    public const string BodyField = "$";

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The body read; or why not: field errors (400), or a problem (413, 415).</summary>
    public sealed record Read<T>(T? Body, Dictionary<string, string[]> Errors, ProblemHttpResult? Problem)
        where T : class;

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return new(null, [], TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                type: ProblemTypes.UnsupportedMediaType,
                title: "The body must be JSON",
                detail: "Send Content-Type: application/json."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return body is null
                ? new(null, new() { [BodyField] = ["The body must be a JSON object."] }, null)
                : new(body, [], null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, [], TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                type: ProblemTypes.BodyTooLarge,
                title: "The body is too large",
                detail: $"At most {MaxBytes} bytes."));
        }
        catch (JsonException e)
        {
            var (field, reason) = Reason(e, Options.GetTypeInfo(typeof(T)));
            return new(null, new() { [field] = [reason] }, null);
        }
    }

    /// <summary>The field (top level, as spelled on the wire; <see cref="BodyField"/> for the body) and the reason for
    /// the serializer's refusal.</summary>
    public static (string Field, string Reason) Reason(JsonException e, JsonTypeInfo contract)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(contract);
        if (e.InnerException is JsonException syntax)
        {
            // The reader's own error: the text is not JSON at all.
            return (BodyField, $"The body is not valid JSON: {syntax.Message}");
        }

        var field = TopLevelField(e.Path);
        if (field is null)
        {
            return (BodyField, "The body must be a JSON object.");
        }

        var property = contract.Properties.FirstOrDefault(p => p.Name == field);
        if (property is null)
        {
            return (field, $"Unknown field '{field}'. Known fields: {string.Join(", ", contract.Properties.Select(p => p.Name))}.");
        }

        // A known field refused without a conversion failing under it was given twice (nulls and missing fields are
        // the validation's).
        return e.InnerException is null ? (field, "The field is given more than once.") : (field, KindOf(property.PropertyType));
    }

    private static string KindOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "Must be a whole number.",
        var t when t == typeof(DateTimeOffset) => OffsetTimeConverter.Expected,
        var t when t == typeof(bool) => "Must be true or false.",
        _ => "Must be a string (of valid text: no lone \\uD800-\\uDFFF escape).",
    };

    /// <summary>"$.reason" → "reason", "$['odd name']" → "odd name", "$" or none → null.</summary>
    private static string? TopLevelField(string? path)
    {
        var match = path is null ? null : TopLevelPath().Match(path);
        return match is { Success: true } ? (match.Groups["dotted"].Success ? match.Groups["dotted"].Value : match.Groups["quoted"].Value) : null;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 8,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    // Missing and null fields are the validation's to refuse: it names all of them at once, in the API's words.
                    static type =>
                    {
                        foreach (var property in type.Properties)
                        {
                            property.IsRequired = false;
                        }
                    },
                },
            },
        };
        options.Converters.Add(new OffsetTimeConverter());
        options.MakeReadOnly();
        return options;
    }

    [GeneratedRegex(@"^\$(\.(?<dotted>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\])")]
    private static partial Regex TopLevelPath();

    /// <summary>
    /// A date and time with an explicit offset (<c>Z</c> or <c>±hh:mm</c>): the serializer would read one without an offset
    /// in this machine's zone, which is never what a caller in another zone meant. Null or blank: not given.
    /// </summary>
    private sealed partial class OffsetTimeConverter : JsonConverter<DateTimeOffset?>
    {
        public const string Expected = "Must be an ISO-8601 date and time with an offset, e.g. 2026-12-31T23:59:59Z or 2026-12-31T23:59:59+01:00.";

        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()?.Trim() : null;
            if (text is { Length: 0 })
            {
                return null;
            }

            if (text is null || !IsoWithOffset().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                // The inner exception marks a value of the wrong form, as the serializer's own conversions do.
                throw new JsonException(Expected, new FormatException(Expected));
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (value is { } time)
            {
                writer.WriteStringValue(time);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
        private static partial Regex IsoWithOffset();
    }
}
