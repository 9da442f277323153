using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;
using StatusCode = Temporalio.Exceptions.RpcException.StatusCode;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>
/// The one mapping of Temporal's errors to problems, table by table: what a caller may retry (503), what it may not
/// (502), what already exists (409), and the endpoint's own 404 when Temporal finds nothing.
/// </summary>
public sealed class TemporalProblemsTests
{
    public static TheoryData<string, Exception, int, string> Errors => new()
    {
        // case, what Temporal threw, the status, the problem type
        { "unreachable", new RpcException(StatusCode.Unavailable, "connection refused", null), StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable },
        { "deadline", new RpcException(StatusCode.DeadlineExceeded, "deadline exceeded", null), StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable },
        { "overloaded", new RpcException(StatusCode.ResourceExhausted, "namespace rate limit", null), StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable },
        { "client-side RPC timeout", new RpcTimeoutOrCanceledException("timed out", new TimeoutException()), StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable },
        { "query failed", new WorkflowQueryFailedException("no worker answered"), StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable },
        { "query rejected", new WorkflowQueryRejectedException(WorkflowExecutionStatus.Failed), StatusCodes.Status503ServiceUnavailable, ProblemTypes.TemporalUnavailable },
        { "workflow already started", new WorkflowAlreadyStartedException("already started", "cancel-pr-1", "CancelPaymentWorkflow", "run-1"), StatusCodes.Status409Conflict, ProblemTypes.AlreadyExists },
        { "schedule already exists", new ScheduleAlreadyRunningException(), StatusCodes.Status409Conflict, ProblemTypes.AlreadyExists },
        { "not found, no 404 of its own", new RpcException(StatusCode.NotFound, "namespace not found", null), StatusCodes.Status502BadGateway, ProblemTypes.TemporalError },
        { "refused", new RpcException(StatusCode.InvalidArgument, "search attribute not defined", null), StatusCodes.Status502BadGateway, ProblemTypes.TemporalError },
        { "permission", new RpcException(StatusCode.PermissionDenied, "denied", null), StatusCodes.Status502BadGateway, ProblemTypes.TemporalError },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void From_EachTemporalError_ItsStatusAndTypeWithWhatDidNotHappen(string @case, Exception error, int status, string type)
    {
        Assert.True(TemporalProblems.Handles(error), @case);

        var problem = TemporalProblems.From(error, "the cancellation was not started").ProblemDetails;

        Assert.Equal((status, type), (problem.Status, problem.Type));
        Assert.Contains("the cancellation was not started", problem.Title, StringComparison.Ordinal);
        Assert.Equal(error.Message, problem.Detail);
    }

    [Fact]
    public void From_NotFound_TheEndpointsOwn404()
    {
        var notFound = TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.PromotionNotFound);

        var problem = TemporalProblems.From(new RpcException(StatusCode.NotFound, "schedule not found", null), "the promotion could not be read", () => notFound);

        Assert.Same(notFound, problem);
    }

    [Fact]
    public void Handles_OtherExceptions_NotTemporals()
    {
        Assert.False(TemporalProblems.Handles(new InvalidOperationException("a bug")));
        Assert.False(TemporalProblems.Handles(new OperationCanceledException()));
        Assert.Throws<ArgumentException>(() => TemporalProblems.From(new InvalidOperationException("a bug"), "x"));
    }
}
