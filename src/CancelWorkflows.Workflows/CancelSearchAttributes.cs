using System.Reflection;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;

namespace CancelWorkflows.Workflows;

/// <summary>
/// The project's search attributes (docs/design.md, "Temporal Web"). The names and types come from the one list in
/// <c>temporal-config/search-attributes.txt</c>, embedded at build time, so code, dev mode and the cluster setup
/// script can never disagree; the typed keys below fail at start-up if the list and the code drift.
/// </summary>
public static class CancelSearchAttributes
{
    private const string ResourceName = "CancelWorkflows.search-attributes.txt";

    /// <summary>Every attribute in the list, as (name, Temporal CLI type) in file order.</summary>
    public static IReadOnlyList<(string Name, string Type)> Definitions { get; } = LoadDefinitions();

    public static SearchAttributeKey<string> PaymentRequestId { get; } = SearchAttributeKey.CreateKeyword(Checked("PaymentRequestId", "Keyword"));

    public static SearchAttributeKey<string> PaymentId { get; } = SearchAttributeKey.CreateKeyword(Checked("PaymentId", "Keyword"));

    public static SearchAttributeKey<string> PaymentMethod { get; } = SearchAttributeKey.CreateKeyword(Checked("PaymentMethod", "Keyword"));

    public static SearchAttributeKey<string> CancelOutcome { get; } = SearchAttributeKey.CreateKeyword(Checked("CancelOutcome", "Keyword"));

    public static SearchAttributeKey<long> CancelAttempts { get; } = SearchAttributeKey.CreateLong(Checked("CancelAttempts", "Int"));

    public static SearchAttributeKey<bool> Escalated { get; } = SearchAttributeKey.CreateBool(Checked("Escalated", "Bool"));

    public static SearchAttributeKey<bool> LateSuccess { get; } = SearchAttributeKey.CreateBool(Checked("LateSuccess", "Bool"));

    /// <summary>Refund reconciliation after a late success (Expected, Confirmed, Escalated, NotNeeded).</summary>
    public static SearchAttributeKey<string> RefundState { get; } = SearchAttributeKey.CreateKeyword(Checked("RefundState", "Keyword"));

    public static SearchAttributeKey<string> BookingRef { get; } = SearchAttributeKey.CreateKeyword(Checked("BookingRef", "Keyword"));

    public static SearchAttributeKey<string> PromoId { get; } = SearchAttributeKey.CreateKeyword(Checked("PromoId", "Keyword"));

    public static SearchAttributeKey<string> Merchant { get; } = SearchAttributeKey.CreateKeyword(Checked("Merchant", "Keyword"));

    /// <summary>The caller that started the cancellation (its API key's name), set at start by the API: a plain caller's
    /// listing is limited to its own.</summary>
    public static SearchAttributeKey<string> RequestedBy { get; } = SearchAttributeKey.CreateKeyword(Checked("RequestedBy", "Keyword"));

    /// <summary>The keys to register on a dev server (<c>WorkflowEnvironmentStartLocalOptions.SearchAttributes</c>).</summary>
    public static IReadOnlyCollection<SearchAttributeKey> All { get; } =
    [
        PaymentRequestId, PaymentId, PaymentMethod, CancelOutcome, CancelAttempts, Escalated, LateSuccess, BookingRef, PromoId, Merchant, RefundState,
        RequestedBy,
    ];

    /// <summary>The <c>--search-attribute Name=Type</c> arguments for <c>temporal server start-dev</c>.</summary>
    public static IEnumerable<string> DevServerArguments() =>
        Definitions.SelectMany(d => new[] { "--search-attribute", $"{d.Name}={d.Type}" });

    public static IndexedValueType ToIndexedValueType(string cliType) => cliType switch
    {
        "Keyword" => IndexedValueType.Keyword,
        "Text" => IndexedValueType.Text,
        "Int" => IndexedValueType.Int,
        "Double" => IndexedValueType.Double,
        "Bool" => IndexedValueType.Bool,
        "Datetime" => IndexedValueType.Datetime,
        "KeywordList" => IndexedValueType.KeywordList,
        _ => throw new InvalidOperationException($"Unknown search attribute type '{cliType}' in {ResourceName}."),
    };

    /// <summary>Parses the list's text (comments with #, blank lines, Name=Type).</summary>
    public static IReadOnlyList<(string Name, string Type)> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<(string, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new FormatException($"Bad line in {ResourceName}: '{line}' (expected Name=Type).");
            }

            _ = ToIndexedValueType(parts[1]);
            result.Add((parts[0], parts[1]));
        }

        return result;
    }

    private static List<(string Name, string Type)> LoadDefinitions()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return [.. Parse(reader.ReadToEnd())];
    }

    private static string Checked(string name, string type)
    {
        if (!Definitions.Contains((name, type)))
        {
            throw new InvalidOperationException(
                $"Search attribute {name}={type} is used by the code but missing from temporal-config/search-attributes.txt.");
        }

        return name;
    }
}
