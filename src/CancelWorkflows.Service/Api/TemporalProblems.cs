using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Api;

/// <summary>Temporal's RPC errors at the edge: unreachable or slow → 503 (retry later), anything else → 502.</summary>
public static class TemporalProblems
{
    public static bool IsUnavailable(RpcException e) =>
        e?.Code is RpcException.StatusCode.Unavailable or RpcException.StatusCode.DeadlineExceeded or RpcException.StatusCode.ResourceExhausted;

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult From(RpcException e, string whatFailed)
    {
        ArgumentNullException.ThrowIfNull(e);
        return IsUnavailable(e)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: ApiProblemTypes.TemporalUnavailable,
                title: $"Temporal did not answer: {whatFailed}",
                detail: e.Message)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                type: ApiProblemTypes.TemporalError,
                title: $"Temporal refused: {whatFailed}",
                detail: e.Message);
    }
}
