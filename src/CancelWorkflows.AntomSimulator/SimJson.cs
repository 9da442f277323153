using System.Text.Encodings.Web;
using System.Text.Json;
using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.AntomSimulator;

/// <summary>
/// The simulator's Antom bodies: <see cref="AntomJson"/>'s shape (camelCase, no nulls), but with characters such as
/// <c>+</c> and <c>'</c> written as themselves, as Antom writes them (<c>"2026-03-10T12:00:00+08:00"</c>, not
/// <c>\u002B08:00</c>). Either form parses the same; the signature covers the bytes as sent.
/// </summary>
internal static class SimJson
{
    private static readonly JsonSerializerOptions Options = new(AntomJson.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}
