using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Who may call the API and how much: API-key authentication (the default scheme), authorization by role
/// (<see cref="ApiPolicies"/>, 403 as a problem), the per-caller rate limit (<see cref="ApiRateLimits"/>) and the bound
/// on waiting starts (<see cref="ApiWaitSlots"/>).
/// </summary>
public static class ApiSecurity
{
    public static IServiceCollection AddApiSecurity(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyRegistry>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(ApiPolicies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenProblem>();
        services.AddSingleton<ApiRateLimits>();
        services.AddRateLimiter(ApiRateLimits.Add);
        services.AddSingleton<ApiWaitSlots>();
        return services;
    }

    /// <summary>In this order: the rate limiter partitions by the caller that authorization let through.</summary>
    public static IApplicationBuilder UseApiSecurity(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
