using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>The service refused the request (4xx): the problem it sent says why; <see cref="Errors"/> has field errors.</summary>
public class CancelWorkflowsApiException : CancelWorkflowsException
{
    public CancelWorkflowsApiException()
    {
    }

    public CancelWorkflowsApiException(string message)
        : base(message)
    {
    }

    public CancelWorkflowsApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CancelWorkflowsApiException(int statusCode, CancelWorkflowsProblem? problem)
        : base(MessageOf(statusCode, problem))
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status code (e.g. 400, 404, 409, 422).</summary>
    public int StatusCode { get; }

    /// <summary>The RFC 7807 body, when the service sent one.</summary>
    public CancelWorkflowsProblem? Problem { get; }

    public string? ProblemType => Problem?.Type;

    public string? Title => Problem?.Title;

    public string? Detail => Problem?.Detail;

    /// <summary>Field errors (camelCase field → messages); empty when none.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Problem?.Errors ?? new Dictionary<string, string[]>();

    internal static string MessageOf(int statusCode, CancelWorkflowsProblem? problem)
    {
        var message = $"{statusCode} {problem?.Title ?? "error"}";
        if (!string.IsNullOrWhiteSpace(problem?.Detail))
        {
            message += $": {problem.Detail}";
        }

        if (problem?.Errors is { Count: > 0 } errors)
        {
            message += " (" + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + ")";
        }

        return message;
    }
}
