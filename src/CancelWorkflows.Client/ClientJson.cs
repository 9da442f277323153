using System.Text.Json;

namespace CancelWorkflows.Client;

/// <summary>The wire's JSON: camelCase, as ASP.NET Core writes it.</summary>
internal static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
