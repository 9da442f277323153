namespace CancelWorkflows.Contracts;

/// <summary>Answer of a resolve: the resolution was handed to the workflow (it records it and ends the escalation).</summary>
public sealed record ResolveEscalationResult
{
    public required string WorkflowId { get; init; }

    public string? RunId { get; init; }

    public required string StatusUrl { get; init; }

    public required string Outcome { get; init; }

    public required string ResolvedBy { get; init; }
}
