namespace CancelWorkflows.Service.Api;

/// <summary>Answer of a resolve (202): the resolution was signalled to the workflow, which records it and ends the escalation.</summary>
public sealed record EscalationResolveAccepted(string WorkflowId, string? RunId, string StatusUrl, string Outcome, string ResolvedBy);
