using System.Text.Json;
using System.Text.Json.Serialization;

namespace CancelWorkflows.Cli.Output;

/// <summary><c>--json</c>: one indented JSON document on stdout, camelCase like the API.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(TextWriter writer, T document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
