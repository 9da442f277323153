using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Tells OpenAPI readers (and generated clients) how the API authenticates: the security scheme <c>apiKey</c>
/// (HTTP bearer: <c>Authorization: Bearer &lt;api key&gt;</c>), required by every operation that requires authorization;
/// Antom's notifications (signed by Antom, anonymous here) and health checks stay without it.
/// </summary>
public sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Name = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A calling service's API key (Api:ApiKeys:<caller> holds its SHA-256); the caller's name is recorded " +
                "as the cancellation's RequestedBy, and its roles (Api:Callers:<caller>:Roles: caller, operator, promotions) say " +
                "what it may do. Dev mode writes one, an operator's, to .cancelworkflows/keys/dev-api-key.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
