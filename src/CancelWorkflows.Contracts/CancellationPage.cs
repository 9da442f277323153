namespace CancelWorkflows.Contracts;

/// <summary>One page of <c>GET /v1/cancellations</c>, newest first.</summary>
/// <param name="Items">The cancellations on this page.</param>
/// <param name="NextPageToken">Opaque token of the next page; null on the last page.</param>
public sealed record CancellationPage(IReadOnlyList<CancellationSummary> Items, string? NextPageToken);
