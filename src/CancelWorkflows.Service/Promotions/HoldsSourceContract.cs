using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CancelWorkflows.Service.Promotions;

/// <summary>
/// Puts into the OpenAPI document the contract this service calls on the booking service (what a run of a promotion
/// reads): the webhook-style operation <c>holdsSource</c> (<c>GET &lt;Promotions:HoldsSourceUrl&gt;?promoId=&amp;pageToken=</c>)
/// and the component schemas <c>HoldsPage</c>, <c>UnpaidHold</c>, <c>HoldAmount</c>.
/// </summary>
public sealed class HoldsSourceContract : IOpenApiDocumentTransformer
{
    public const string Description =
        "Implemented by the booking service, called by this service (activity ListUnpaidHolds) when a promotion runs: " +
        "GET <Promotions:HoldsSourceUrl>?promoId=<promoId>[&pageToken=<token>] with Authorization: Bearer " +
        "<Promotions:HoldsSourceToken>. Answers 200 with a HoldsPage: the promotion's holds still unpaid, and nextPageToken " +
        "(null or absent on the last page; sent back as pageToken for the next one). Each call is timed out after " +
        "Promotions:Timeout (15 s) and retried with backoff for up to a day on 5xx, 429, timeouts and unreadable bodies; " +
        "400, 401, 403 and 404 stop the run (fix the configuration). Listing a hold twice is harmless: each hold is " +
        "cancelled by workflow cancel-<paymentRequestId>, which runs once.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["HoldAmount"] = Object(
            "Amount held, as Antom writes amounts.",
            ["currency", "value"],
            ("currency", String("ISO 4217 currency code, e.g. USD.")),
            ("value", String("Value in minor units, digits only, e.g. \"1000\".")));
        document.Components.Schemas["UnpaidHold"] = Object(
            "One unpaid hold of the promotion.",
            ["paymentRequestId"],
            ("paymentRequestId", String("The merchant's payment request id (at most 64 characters); the hold's cancel is workflow cancel-<paymentRequestId>.")),
            ("bookingRef", String("The booking the hold belongs to (search attribute BookingRef).")),
            ("amount", new OpenApiSchemaReference("HoldAmount", document)));
        document.Components.Schemas["HoldsPage"] = Object(
            "A page of the holds source's answer.",
            ["holds"],
            ("holds", new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("UnpaidHold", document) }),
            ("nextPageToken", new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Opaque; null or absent on the last page." }));

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        document.Webhooks["holdsSource"] = new OpenApiPathItem
        {
            Summary = "Holds source (booking service): a promotion's unpaid holds, page by page",
            Description = Description,
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = "ListUnpaidHolds",
                    Summary = "GET <Promotions:HoldsSourceUrl>?promoId=&pageToken=",
                    Description = Description,
                    Parameters =
                    [
                        Query("promoId", "The promotion's id.", required: true),
                        Query("pageToken", "nextPageToken of the previous page; absent for the first page.", required: false),
                        new OpenApiParameter
                        {
                            Name = "Authorization",
                            In = ParameterLocation.Header,
                            Required = false,
                            Description = "Bearer <Promotions:HoldsSourceToken>, when configured.",
                            Schema = String(null),
                        },
                    ],
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse
                        {
                            Description = "A page of unpaid holds.",
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/json"] = new() { Schema = new OpenApiSchemaReference("HoldsPage", document) },
                            },
                        },
                        ["401"] = new OpenApiResponse { Description = "Token missing or wrong: the run stops (not retried)." },
                        ["503"] = new OpenApiResponse { Description = "Unavailable for now: retried with backoff." },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema String(string? description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiParameter Query(string name, string description, bool required) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = required,
        Description = description,
        Schema = String(null),
    };

    private static OpenApiSchema Object(string description, string[] required, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new HashSet<string>(required, StringComparer.Ordinal),
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };
}
