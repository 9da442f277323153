namespace CancelWorkflows.Service.Api;

/// <summary>One page of <c>GET /v1/cancellations</c>.</summary>
/// <param name="Items">The cancellations on this page (running ones first, then by close time, newest first).</param>
/// <param name="NextPageToken">Opaque (base64url); pass it as <c>pageToken</c> for the next page. Null on the last page.</param>
public sealed record CancellationListPage(IReadOnlyList<CancellationListItem> Items, string? NextPageToken);
