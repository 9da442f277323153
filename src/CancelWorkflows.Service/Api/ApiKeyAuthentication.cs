using Microsoft.AspNetCore.Authentication;

namespace CancelWorkflows.Service.Api;

/// <summary>Registers API-key authentication as the default scheme and an authorization that requires it.</summary>
public static class ApiKeyAuthentication
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyRegistry>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }
}
