namespace CancelWorkflows.Service.Api;

/// <summary>
/// What an API key's caller may do (<c>Api:Callers:&lt;caller&gt;:Roles</c>). Every caller is a <see cref="Caller"/>: it
/// starts cancellations and reads, lists and waits on its own. An <see cref="Operator"/> also reads and lists everyone's,
/// resolves escalations, sees health details and manages promotions. <see cref="Promotions"/> manages promotions.
/// </summary>
public static class ApiRoles
{
    public const string Caller = "caller";
    public const string Operator = "operator";
    public const string Promotions = "promotions";

    public static IReadOnlyList<string> All { get; } = [Caller, Operator, Promotions];

    /// <summary>The role as spelled here, or null when it is not one (configuration is read case-insensitively).</summary>
    public static string? Known(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
