namespace CancelWorkflows.Contracts;

/// <summary>An RFC 7807 problem as the service sends it (<c>application/problem+json</c>).</summary>
public sealed record CancelWorkflowsProblem
{
    /// <summary>A URI naming the kind of problem (e.g. <c>https://tools.ietf.org/html/rfc9110#section-15.5.1</c>).</summary>
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>Field errors of a validation problem: camelCase field name → messages.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
