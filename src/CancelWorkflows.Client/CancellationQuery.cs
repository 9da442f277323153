using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>Filters of <c>GET /v1/cancellations</c> (Temporal visibility: eventually consistent, so a cancellation
/// started a moment ago may be missing for a second or two). Null means "any".</summary>
public sealed record CancellationQuery
{
    /// <summary>One of <see cref="CancellationOutcomes"/>.</summary>
    public string? Outcome { get; init; }

    public bool? Escalated { get; init; }

    public bool? LateSuccess { get; init; }

    public string? Merchant { get; init; }

    /// <summary>Started at or after (the workflow's start time).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Started before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Items per page, 1–1000; the service's default (100) when null.</summary>
    public int? PageSize { get; init; }

    /// <summary>The <see cref="CancellationPage.NextPageToken"/> of the previous page; null for the first page.</summary>
    public string? PageToken { get; init; }
}
