using System.Globalization;
using System.Text;

using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>Turns a <see cref="CancellationQuery"/> into <c>?outcome=…&amp;…</c> (only the filters that are set).</summary>
internal static class CancellationQueryString
{
    public static string Of(CancellationQuery query)
    {
        var parts = new List<string>();
        Add(parts, "outcome", query.Outcome);
        Add(parts, "escalated", Bool(query.Escalated));
        Add(parts, "lateSuccess", Bool(query.LateSuccess));
        Add(parts, "merchant", query.Merchant);
        Add(parts, "from", query.From?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        Add(parts, "to", query.To?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        Add(parts, "pageSize", query.PageSize?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "pageToken", query.PageToken);
        if (parts.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder("?");
        builder.AppendJoin('&', parts);
        return builder.ToString();
    }

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
