using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CancelWorkflows.Cli.Output;

/// <summary><c>--json</c>: one indented JSON document on stdout, camelCase like the API.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ShowHttpStatus } },
    };

    public static void Write<T>(TextWriter writer, T document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    /// <summary>The HTTP status of a start or promotion answer is not on the wire (the contracts ignore it), but scripts
    /// read it from cancelctl's <c>--json</c> (202 undecided / 200 decided, 201 created): written last, as always.</summary>
    private static void ShowHttpStatus(JsonTypeInfo type)
    {
        Func<object, int>? status = type.Type == typeof(StartCancellationResult) ? o => ((StartCancellationResult)o).HttpStatus
            : type.Type == typeof(Promotion) ? o => ((Promotion)o).HttpStatus
            : null;
        if (status is null || type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        // The contract's ignored property is listed, without a getter: put a readable one in its place.
        var property = type.CreateJsonPropertyInfo(typeof(int), "httpStatus");
        property.Get = o => status(o);
        var ignored = type.Properties.Select(p => p.Name).ToList().IndexOf(property.Name);
        if (ignored >= 0)
        {
            type.Properties[ignored] = property;
        }
        else
        {
            type.Properties.Add(property);
        }
    }
}
