using CancelWorkflows.Cli.Output;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands;

/// <summary>Follows <c>nextPageToken</c> from page to page, reporting progress on stderr after each page.</summary>
public static class PageWalker
{
    public static async Task<List<CancellationSummary>> ReadAllAsync(
        CancelWorkflowsClient client,
        CancellationQuery query,
        ProgressReporter progress,
        string noun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(progress);
        var items = new List<CancellationSummary>();
        var next = query;
        for (var page = 1; ; page++)
        {
            var answer = await client.ListAsync(next, cancellationToken);
            items.AddRange(answer.Items);
            progress.Report($"page {page}: {items.Count} {noun}{(answer.NextPageToken is null ? string.Empty : ", reading on…")}");
            if (answer.NextPageToken is null)
            {
                progress.Finish();
                return items;
            }

            next = next with { PageToken = answer.NextPageToken };
        }
    }
}
