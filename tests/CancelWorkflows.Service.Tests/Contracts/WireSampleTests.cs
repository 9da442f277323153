using System.Text.Json;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Api;

namespace CancelWorkflows.Service.Tests.Contracts;

/// <summary>
/// Today's answers of the running API against the ones captured before the wire contracts had a project of their own
/// (<see cref="WireSamples"/>): the same fields at every level, each with the same kind of value (a null stays a null), and
/// the OpenAPI document still listing every operation and, under the contracts' names, every schema with its properties.
/// Run with <c>CANCELWORKFLOWS_WIRE_SAMPLES_OUT=&lt;folder&gt;</c> to write the answers there instead (to capture new
/// samples on purpose).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WireSampleTests(ApiDevMode api)
{
    /// <summary>Schemas the contracts renamed: the name before → the contract's name.</summary>
    public static readonly IReadOnlyDictionary<string, string> RenamedSchemas = new Dictionary<string, string>
    {
        ["CancelStatus"] = "CancellationStatus",
        ["CancelAttempt"] = "CancellationAttempt",
        ["CancelStep"] = "CancellationStep",
        ["NotificationRecord"] = "CancellationNotification",
        ["EscalationResolution"] = "EscalationResolutionInfo",
        ["RefundReconciliationState"] = "RefundReconciliation",
        ["CancellationStarted"] = "StartCancellationResult",
        ["CancellationListItem"] = "CancellationSummary",
        ["CancellationListPage"] = "CancellationPage",
        ["EscalationResolveAccepted"] = "ResolveEscalationResult",
        ["StartCancellationBody"] = "StartCancellationRequest",
        ["ResolveEscalationBody"] = "ResolveEscalationRequest",
        ["PromotionView"] = "Promotion",
        ["PromotionBody"] = "PromotionRequest",
        ["PromoProgress"] = "PromotionSummary",
    };

    [Fact]
    public async Task Answers_SameShapeAsBeforeTheContracts()
    {
        var answers = await WireSamples.CaptureAsync(api);
        if (Environment.GetEnvironmentVariable("CANCELWORKFLOWS_WIRE_SAMPLES_OUT") is { Length: > 0 } folder)
        {
            foreach (var (name, json) in answers)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), WireSamples.Text(json) + "\n");
            }

            return;
        }

        foreach (var name in new[] { WireSamples.LateSuccess, WireSamples.EscalatedResolved, WireSamples.Scheduled, WireSamples.StartDecided, WireSamples.ListPage })
        {
            var before = Shape(WireSamples.Read(name));
            var now = Shape(WireSamples.WithoutFieldsAddedSinceCapture(answers[name], WireSamples.Read(name)));
            Assert.True(before.SetEquals(now), $"{name}: only before: {string.Join("; ", before.Except(now))}; only now: {string.Join("; ", now.Except(before))}");
        }
    }

    [Fact]
    public async Task OpenApi_EveryOperationAndEverySchemasPropertiesStillDescribed()
    {
        var before = WireSamples.Read(WireSamples.OpenApi);
        using var anonymous = api.NewHttp(null);
        var now = JsonNode.Parse(await anonymous.GetStringAsync("openapi/v1.json"))!;

        foreach (var (path, item) in before["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var current = now["paths"]?[path]?[method];
                Assert.True(current is not null, $"{method} {path} is gone");
                Assert.Equal(StatusCodes(operation!), StatusCodes(current));
            }
        }

        var schemas = now["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in before["components"]!["schemas"]!.AsObject())
        {
            var renamed = RenamedSchemas.TryGetValue(name, out var contract) ? contract : name;
            Assert.True(schemas[renamed] is not null, $"schema {name} ({renamed}) is gone");
            Assert.Superset(PropertyNames(schema!), PropertyNames(schemas[renamed]!));
        }
    }

    /// <summary>Every field's path with the kind of its value; arrays by their items' shapes.</summary>
    private static SortedSet<string> Shape(JsonNode? node, string at = "$")
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    shape.UnionWith(Shape(value, $"{at}.{key}"));
                }

                break;
            case JsonArray a:
                shape.Add($"{at}: array");
                foreach (var item in a)
                {
                    shape.UnionWith(Shape(item, at + "[]"));
                }

                break;
            case null or JsonValue when WireSamples.DateOrNullSinceCloseAtOutcome.Contains(at)
                && (node is null || node.GetValueKind() == JsonValueKind.String):
                shape.Add($"{at}: date or null");
                break;
            default:
                shape.Add($"{at}: {(node is null ? "null" : node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? "boolean" : node.GetValueKind().ToString().ToLowerInvariant())}");
                break;
        }

        return shape;
    }

    private static SortedSet<string> StatusCodes(JsonNode operation) =>
        new(operation["responses"]?.AsObject().Select(r => r.Key) ?? [], StringComparer.Ordinal);

    private static HashSet<string> PropertyNames(JsonNode schema) =>
        [.. schema["properties"]?.AsObject().Select(p => p.Key) ?? []];
}
