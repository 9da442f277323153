using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>
/// 429: this API key made more requests than the service allows its caller, even after the client's own retries
/// (<see cref="CancelWorkflowsClientOptions.RateLimitRetries"/>). Nothing was done; safe to send again after
/// <see cref="RetryAfter"/>.
/// </summary>
public sealed class CancelWorkflowsRateLimitedException : CancelWorkflowsApiException
{
    public CancelWorkflowsRateLimitedException()
    {
    }

    public CancelWorkflowsRateLimitedException(string message)
        : base(message)
    {
    }

    public CancelWorkflowsRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CancelWorkflowsRateLimitedException(CancelWorkflowsProblem? problem, TimeSpan? retryAfter)
        : base(429, problem)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>When the service said to try again (its <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
