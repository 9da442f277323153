using System.Security.Claims;
using CancelWorkflows.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// <c>GET /v1/cancellations?…</c>: a page of cancellations from Temporal visibility
/// (<see cref="ITemporalClient.ListWorkflowsPaginatedAsync"/>; Temporal's own next-page token, base64url, is the
/// <c>pageToken</c>, so the API keeps no cursor state). Visibility is eventually consistent: a cancellation appears, and
/// its outcome changes, a moment after the workflow did. A plain caller's query is always limited to the cancellations it
/// started (<c>RequestedBy</c>); an operator's is not.
/// </summary>
public static class ListCancellationsEndpoint
{
    public static async Task<Results<Ok<CancellationPage>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [FromQuery] string? outcome,
        [FromQuery] string? escalated,
        [FromQuery] string? lateSuccess,
        [FromQuery] string? merchant,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? pageSize,
        [FromQuery] string? pageToken,
        ClaimsPrincipal user,
        [AsParameters] CancellationServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (filter, errors) = CancellationListFilter.Parse(outcome, escalated, lateSuccess, merchant, from, to, pageSize, pageToken);
        if (filter is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The listing filters are not valid.");
        }

        try
        {
            var page = await ListPageAsync(services.Temporal, filter.ToVisibilityQuery(ApiCaller.Of(user).OnlyStartedBy), filter, cancellationToken);
            var next = CancellationListFilter.EncodePageToken(page.NextPageToken);
            return TypedResults.Ok(new CancellationPage(
                [.. page.Workflows.Select(ContractMapping.ToCancellationSummary)],
                next.Length == 0 ? null : next));
        }
        catch (RpcException e) when (filter.PageToken is not null && !TemporalProblems.IsUnavailable(e))
        {
            // Temporal could not read the token (its code for that varies with the visibility store): the caller's mistake.
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["pageToken"] = ["Not a page token of this listing (pass nextPageToken as it came, with the same filters)."] },
                title: "The listing filters are not valid.");
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return TemporalProblems.From(e, "the cancellations could not be listed");
        }
    }

    /// <summary>
    /// One page from visibility. A caller's token that Temporal cannot read comes back as <c>Unknown</c>, a code the
    /// SDK retries for several seconds (about 6 to 10 on the dev server), so a call with a token is first made without
    /// the SDK's retries: a bad token is answered at once, and only a failure that says Temporal is unavailable is
    /// retried as every other call is.
    /// </summary>
    private static async Task<WorkflowListPage> ListPageAsync(
        ITemporalClient temporal, string query, CancellationListFilter filter, CancellationToken cancellationToken)
    {
        if (filter.PageToken is null)
        {
            return await ListAsync(retry: null);
        }

        try
        {
            return await ListAsync(retry: false);
        }
        catch (RpcException e) when (TemporalProblems.IsUnavailable(e))
        {
            return await ListAsync(retry: null);
        }

        Task<WorkflowListPage> ListAsync(bool? retry) => temporal.ListWorkflowsPaginatedAsync(
            query,
            filter.PageToken,
            new WorkflowListPaginatedOptions { PageSize = filter.PageSize, Rpc = new RpcOptions { Retry = retry, CancellationToken = cancellationToken } });
    }
}
