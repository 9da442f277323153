namespace CancelWorkflows.Client;

/// <summary>Where the service is and who is calling.</summary>
public sealed class CancelWorkflowsClientOptions
{
    /// <summary>The service's base address, e.g. <c>http://127.0.0.1:5080</c>. Optional when the given
    /// <see cref="HttpClient"/> already has a <see cref="HttpClient.BaseAddress"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>This calling service's API key (sent as <c>Authorization: Bearer</c>). Its name on the server side is
    /// recorded in every cancellation it starts.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How often <see cref="CancelWorkflowsClient.WaitForOutcomeAsync"/> asks for the status. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a request refused with 429 (rate limited: nothing was done) is sent again after the
    /// service's <c>Retry-After</c> (at most 30 s), before <see cref="CancelWorkflowsRateLimitedException"/>. Default 3; 0
    /// throws at once.</summary>
    public int RateLimitRetries { get; set; } = 3;
}
