using CancelWorkflows.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The one mapping of Temporal's errors to RFC 7807 problems, for every endpoint (cancellations and promotions):
/// <list type="bullet">
/// <item>NotFound → the endpoint's own 404 (a cancellation, a promotion), when it gives one;</item>
/// <item>unreachable, slow or overloaded (Unavailable, DeadlineExceeded, ResourceExhausted) → 503 <c>temporal-unavailable</c>:
/// retry later;</item>
/// <item>the client's own RPC timeout (<see cref="RpcTimeoutOrCanceledException"/>) → 503 <c>temporal-unavailable</c>;</item>
/// <item>a workflow that could not answer a query now (its worker is busy or down, or it failed the query) → 503
/// <c>temporal-unavailable</c>: retry later;</item>
/// <item>"already started" (a workflow or a schedule) that reached an endpoint → 409 <c>already-exists</c>;</item>
/// <item>any other refusal → 502 <c>temporal-error</c>.</item>
/// </list>
/// "Already started" is normally not an error: the starter and the scheduler answer it with the existing one; the 409 is
/// for a race they could not settle, which must not become a 500.
/// </summary>
public static class TemporalProblems
{
    public static bool IsUnavailable(RpcException e) =>
        e?.Code is RpcException.StatusCode.Unavailable or RpcException.StatusCode.DeadlineExceeded or RpcException.StatusCode.ResourceExhausted;

    /// <summary>Whether <see cref="From"/> answers this exception (use as the filter of the endpoint's catch).</summary>
    public static bool Handles(Exception e) =>
        e is RpcException or RpcTimeoutOrCanceledException or WorkflowQueryFailedException or WorkflowQueryRejectedException
            or WorkflowAlreadyStartedException or ScheduleAlreadyRunningException;

    /// <param name="e">What Temporal threw (one <see cref="Handles"/> accepts).</param>
    /// <param name="whatFailed">What did not happen, for the title: "the status could not be read".</param>
    /// <param name="notFound">The endpoint's 404, when Temporal says there is no such workflow or schedule.</param>
    public static ProblemHttpResult From(Exception e, string whatFailed, Func<ProblemHttpResult>? notFound = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            RpcException { Code: RpcException.StatusCode.NotFound } when notFound is not null => notFound(),
            RpcException rpc when IsUnavailable(rpc) => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable, $"Temporal did not answer: {whatFailed}", e),
            RpcTimeoutOrCanceledException => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable, $"Temporal did not answer in time: {whatFailed}", e),
            WorkflowAlreadyStartedException or ScheduleAlreadyRunningException =>
                Problem(StatusCodes.Status409Conflict, ProblemTypes.AlreadyExists, $"It exists already in Temporal: {whatFailed}; read it, or retry", e),
            WorkflowQueryFailedException or WorkflowQueryRejectedException =>
                Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable, $"The workflow could not answer now: {whatFailed}; ask again", e),
            RpcException => Problem(StatusCodes.Status502BadGateway, ProblemTypes.TemporalError, $"Temporal refused: {whatFailed}", e),
            _ => throw new ArgumentException($"Not a Temporal error this mapping answers: {e.GetType().Name}", nameof(e)),
        };
    }

    private static ProblemHttpResult Problem(int status, string type, string title, Exception e) =>
        TypedResults.Problem(statusCode: status, type: type, title: title, detail: e.Message);
}
