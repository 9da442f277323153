using CancelWorkflows.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// <c>/v1/cancellations</c>: start a cancellation (or find the one that exists), read its <c>Status</c>, list
/// cancellations, resolve an escalation. Every route needs the API key and counts against its caller's rate limit; a
/// plain caller sees only the cancellations it started, an operator all of them and only an operator resolves. Every
/// error is an RFC 7807 problem, and the OpenAPI document (<c>/openapi/v1.json</c>) names each one. Bodies and answers are
/// the wire contracts of <c>CancelWorkflows.Contracts</c>; bodies are read by <see cref="StrictJsonBody"/>, at most 16 KiB.
/// </summary>
public static class CancellationsApi
{
    public const string ProblemJson = "application/problem+json";

    public static RouteGroupBuilder MapCancellationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/cancellations")
            .WithTags("Cancellations")
            .RequireAuthorization()
            .RequireRateLimiting(ApiRateLimits.PolicyName)
            .WithMetadata(new RequestSizeLimitAttribute(StrictJsonBody.MaxBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost(string.Empty, StartCancellationEndpoint.HandleAsync)
            .WithName("StartCancellation")
            .WithSummary("Cancel one payment")
            .WithDescription(
                "Starts CancelPaymentWorkflow for the payment, or returns the one that exists: the same workflowId and runId for every " +
                "call about the same payment, and a finished cancellation is never run again. 202 while undecided; 200 with the " +
                "outcome when it is known (a closed cancellation, or within ?wait=<0-60 seconds>; beyond the service's bound on " +
                "waiting starts, as with wait=0). Idempotency-Key: the same key and body get the first answer again (created: true); " +
                "the same key with another body is refused with 422. Another caller's cancellation of the same payment: 409, which " +
                "says nothing of it (an operator gets it as its answer). A paymentRequestId starting with 'pid-' is refused (it " +
                "would name the cancellation of an Antom paymentId). Unknown fields are refused; body at most 16 KiB.")
            .Accepts<StartCancellationRequest>("application/json")
            .Produces<StartCancellationResult>(StatusCodes.Status202Accepted)
            .Produces<StartCancellationResult>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet(string.Empty, ListCancellationsEndpoint.HandleAsync)
            .WithName("ListCancellations")
            .WithSummary("List cancellations (Temporal visibility, paged)")
            .WithDescription(
                "Filters: outcome (one of the outcomes), escalated, lateSuccess (true/false), merchant, from/to (start time, ISO-8601; " +
                "from inclusive, to exclusive), pageSize (1-200, default 100), pageToken (nextPageToken of the previous page). " +
                "A plain caller lists the cancellations it started; an operator lists all. Eventually consistent: a cancellation " +
                "shows up a moment after it started.")
            .Produces<CancellationPage>(StatusCodes.Status200OK)
            .ProducesValidationProblem();

        group.MapGet("/{paymentRequestId}", GetCancellationEndpoint.HandleAsync)
            .WithName("GetCancellation")
            .WithSummary("The whole story of one cancellation (the workflow's Status query)")
            .WithDescription(
                "Add ?by=paymentId when the cancellation was started with Antom's paymentId only. 404 when there is none, or it is " +
                "another caller's (the same answer; an operator reads every caller's).")
            .Produces<CancellationStatus>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{paymentRequestId}/escalation/resolve", ResolveEscalationEndpoint.HandleAsync)
            .WithName("ResolveEscalation")
            .WithSummary("Support's resolution of an escalated cancellation")
            .WithDescription(
                "Operators only (403 otherwise). Signals ResolveEscalation {outcome, note}, resolved by the operator's caller name " +
                "(a body with resolvedBy is refused). 404 when there is no such cancellation; 409 when it is not waiting for a " +
                "resolution (not escalated, or already resolved).")
            .RequireAuthorization(ApiPolicies.Operator)
            .Accepts<ResolveEscalationRequest>("application/json")
            .Produces<ResolveEscalationResult>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }
}
