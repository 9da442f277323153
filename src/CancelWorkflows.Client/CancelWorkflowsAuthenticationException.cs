using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>401: the API key is missing or not known to the service.</summary>
public sealed class CancelWorkflowsAuthenticationException : CancelWorkflowsApiException
{
    public CancelWorkflowsAuthenticationException()
    {
    }

    public CancelWorkflowsAuthenticationException(string message)
        : base(message)
    {
    }

    public CancelWorkflowsAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CancelWorkflowsAuthenticationException(CancelWorkflowsProblem? problem)
        : base(401, problem)
    {
    }
}
