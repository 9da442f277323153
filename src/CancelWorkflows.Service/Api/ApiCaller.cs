using System.Security.Claims;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The authenticated caller of a request: its name (from <c>Api:ApiKeys:&lt;caller&gt;</c>, recorded as a cancellation's
/// <c>RequestedBy</c>) and its roles. The ownership checks of the cancellations API are made here, in one place.
/// </summary>
public sealed record ApiCaller(string Name, IReadOnlySet<string> Roles)
{
    public bool IsOperator => Roles.Contains(ApiRoles.Operator);

    /// <summary>Whether this caller may see a cancellation started by <paramref name="requestedBy"/>: its own, or any for an
    /// operator. A cancellation that names no caller (started outside the API) is an operator's only.</summary>
    public bool CanSee(string? requestedBy) => IsOperator || (requestedBy is not null && string.Equals(requestedBy, Name, StringComparison.Ordinal));

    /// <summary>The owner every query of this caller is limited to: null for an operator (everything).</summary>
    public string? OnlyStartedBy => IsOperator ? null : Name;

    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Name) };
        claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The caller of an authenticated request (every route that uses this requires authorization).</summary>
    public static ApiCaller Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity is { IsAuthenticated: true, Name: { } n } ? n : throw new InvalidOperationException("The request is not authenticated.");
        return new(name, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
