using System.Text.Json;
using System.Text.Json.Serialization;

namespace CancelWorkflows.Antom.Wire;

/// <summary>The one JSON shape for Antom bodies: camelCase, no null members (docs/antom-api.md §5; the official .NET SDK
/// sends nulls, which we deliberately do not), compact, and the bytes sent are the bytes signed.</summary>
public static class AntomJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<T>(utf8, Options);
}
