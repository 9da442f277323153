using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>403: the API key is known, but its caller lacks the role this needs (resolving an escalation takes an operator,
/// promotions the <c>promotions</c> or <c>operator</c> role). The problem's detail names the role.</summary>
public sealed class CancelWorkflowsForbiddenException : CancelWorkflowsApiException
{
    public CancelWorkflowsForbiddenException()
    {
    }

    public CancelWorkflowsForbiddenException(string message)
        : base(message)
    {
    }

    public CancelWorkflowsForbiddenException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CancelWorkflowsForbiddenException(CancelWorkflowsProblem? problem)
        : base(403, problem)
    {
    }
}
