namespace CancelWorkflows.Service.Configuration;

/// <summary>One caller's entry under <c>Api:Callers:&lt;caller&gt;</c>, as far as the API reads it.</summary>
public sealed class ApiCallerOptions
{
    /// <summary>
    /// <c>Api:Callers:&lt;caller&gt;:Roles</c> (a list: <c>Api__Callers__support__Roles__0=operator</c>): <c>caller</c>,
    /// <c>operator</c>, <c>promotions</c>. None means a plain caller.
    /// </summary>
    public List<string> Roles { get; set; } = [];
}
