using CancelWorkflows.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Answers an authenticated caller that lacks the role a route needs with 403 and an RFC 7807 problem naming the role
/// (ASP.NET's own answer is an empty body). Everything else (success, 401) goes to ASP.NET's handler.
/// </summary>
public sealed class ForbiddenProblem(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden)
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var roles = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles).Distinct().ToList() ?? [];
        var caller = context.User.Identity?.Name ?? "this caller";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Type = ProblemTypes.Forbidden,
                Title = "This API key may not do this",
                Detail = roles.Count == 0
                    ? $"The caller {caller} is not allowed here."
                    : $"Needs the role {string.Join(" or ", roles)}; the caller {caller} does not have it (Api:Callers:{caller}:Roles).",
            },
        });
    }
}
