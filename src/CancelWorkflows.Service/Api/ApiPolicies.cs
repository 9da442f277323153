using Microsoft.AspNetCore.Authorization;

namespace CancelWorkflows.Service.Api;

/// <summary>The authorization policies of the API, by role (<see cref="ApiRoles"/>). A plain caller's limits on whose
/// cancellations it sees are not policies: they depend on the cancellation, and are checked by the endpoints
/// (<see cref="ApiCaller.CanSee"/>).</summary>
public static class ApiPolicies
{
    /// <summary>Resolving escalations.</summary>
    public const string Operator = "operator";

    /// <summary><c>/v1/promotions*</c>: a schedule cancels every unpaid hold of a promotion, so it takes a role of its own
    /// (or an operator's).</summary>
    public const string Promotions = "promotions";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Operator, p => p.RequireRole(ApiRoles.Operator));
        options.AddPolicy(Promotions, p => p.RequireRole(ApiRoles.Promotions, ApiRoles.Operator));
    }
}
