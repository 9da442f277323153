using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>
/// The request did not get an answer it could use: the service could not be reached, timed out, or answered 5xx (for
/// example 503 when it cannot reach Temporal). Safe to retry: starts are idempotent per payment (and per
/// <c>Idempotency-Key</c>).
/// </summary>
public sealed class CancelWorkflowsUnavailableException : CancelWorkflowsException
{
    public CancelWorkflowsUnavailableException()
    {
    }

    public CancelWorkflowsUnavailableException(string message)
        : base(message)
    {
    }

    public CancelWorkflowsUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CancelWorkflowsUnavailableException(int statusCode, CancelWorkflowsProblem? problem)
        : base(CancelWorkflowsApiException.MessageOf(statusCode, problem))
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The 5xx status, or null when no answer came at all (unreachable, timeout).</summary>
    public int? StatusCode { get; }

    /// <summary>The RFC 7807 body of a 5xx answer, when there was one.</summary>
    public CancelWorkflowsProblem? Problem { get; }
}
