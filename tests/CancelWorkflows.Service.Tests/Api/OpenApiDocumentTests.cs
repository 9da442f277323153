using System.Text.Json.Nodes;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary><c>/openapi/v1.json</c> describes every endpoint, its parameters and every answer, errors as RFC 7807.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiDevMode api)
{
    public static TheoryData<string, string, int[]> Operations => new()
    {
        { "/v1/cancellations", "post", [200, 202, 400, 401, 409, 413, 415, 422, 429, 502, 503] },
        { "/v1/cancellations", "get", [200, 400, 401, 429, 502, 503] },
        { "/v1/cancellations/{paymentRequestId}", "get", [200, 400, 401, 404, 429, 502, 503] },
        { "/v1/cancellations/{paymentRequestId}/escalation/resolve", "post", [202, 400, 401, 403, 404, 409, 413, 415, 429, 502, 503] },
        { "/v1/promotions", "post", [401, 403, 429, 502, 503] },
        { "/v1/promotions/{promoId}", "get", [401, 403, 429, 502, 503] },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task OpenApi_Operation_EveryAnswerDescribedErrorsAsProblemDetails(string path, string method, int[] codes)
    {
        var document = await DocumentAsync();

        var operation = document["paths"]?[path]?[method];
        Assert.NotNull(operation);
        Assert.False(string.IsNullOrEmpty((string?)operation["summary"]));
        var responses = operation["responses"]!.AsObject();
        foreach (var code in codes)
        {
            var response = responses[code.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            Assert.True(response is not null, $"{method} {path}: no {code} answer described");
            if (code >= 400)
            {
                var schema = response["content"]?["application/problem+json"]?["schema"];
                Assert.True(schema is not null, $"{method} {path}: {code} is not application/problem+json");
                var expected = code == 400 ? "HttpValidationProblemDetails" : "ProblemDetails";
                Assert.EndsWith("/" + expected, (string?)schema["$ref"], StringComparison.Ordinal);
            }
            else
            {
                Assert.NotNull(response["content"]?["application/json"]?["schema"]);
            }
        }
    }

    [Fact]
    public async Task OpenApi_StartAndResolve_DescribeTheirBodiesAndParameters()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();

        var start = document["paths"]!["/v1/cancellations"]!["post"]!;
        Assert.EndsWith("/StartCancellationRequest", (string?)start["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"], StringComparison.Ordinal);
        Assert.Contains(start["parameters"]!.AsArray(), p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header");
        Assert.Contains(start["parameters"]!.AsArray(), p => (string?)p!["name"] == "wait" && (string?)p["in"] == "query");
        var body = schemas["StartCancellationRequest"]!["properties"]!.AsObject();
        Assert.Equal(["antomMerchant", "bookingRef", "callbackUrl", "fallback", "merchant", "notBefore", "paymentId", "paymentRequestId", "reason"], body.Select(p => p.Key).Order());

        var resolve = document["paths"]!["/v1/cancellations/{paymentRequestId}/escalation/resolve"]!["post"]!;
        Assert.EndsWith("/ResolveEscalationRequest", (string?)resolve["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"], StringComparison.Ordinal);
        Assert.Equal(["note", "outcome"], schemas["ResolveEscalationRequest"]!["properties"]!.AsObject().Select(p => p.Key).Order());

        var list = document["paths"]!["/v1/cancellations"]!["get"]!;
        var filters = list["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ToHashSet();
        Assert.Superset(new HashSet<string?> { "outcome", "escalated", "lateSuccess", "merchant", "from", "to", "pageSize", "pageToken" }, filters);

        Assert.NotNull(schemas["ProblemDetails"]);
        Assert.NotNull(schemas["HttpValidationProblemDetails"]);
        Assert.NotNull(schemas["StartCancellationResult"]);
        Assert.NotNull(schemas["CancellationStatus"]);
        Assert.NotNull(schemas["CancellationPage"]);
    }

    [Fact]
    public async Task OpenApi_BearerApiKey_RequiredByTheApiNotByAntomsNotifications()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["apiKey"]!;
        Assert.Equal(("http", "bearer"), ((string?)scheme["type"], (string?)scheme["scheme"]));
        foreach (var (path, method) in new[] { ("/v1/cancellations", "post"), ("/v1/cancellations/{paymentRequestId}", "get"), ("/v1/promotions", "get") })
        {
            var security = document["paths"]![path]![method]!["security"]?.AsArray();
            Assert.True(security is not null && security.Any(r => r!.AsObject().ContainsKey("apiKey")), $"{method} {path}: no apiKey requirement");
        }

        Assert.Null(document["paths"]!["/v1/antom/notifications"]!["post"]!["security"]);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var http = api.NewHttp(null);
        return JsonNode.Parse(await http.GetStringAsync("openapi/v1.json"))!;
    }
}
