using System.Security.Claims;
using CancelWorkflows.Service.Temporal;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.AspNetCore.Http.HttpResults;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Api;

/// <summary><c>/v1/cancellations</c>: start a cancellation (or find the one that exists) and read its <c>Status</c>.</summary>
public static class CancellationsApi
{
    public static RouteGroupBuilder MapCancellationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/cancellations")
            .WithTags("Cancellations")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost(string.Empty, StartCancellationAsync)
            .WithName("StartCancellation")
            .WithSummary("Cancel one payment")
            .WithDescription(
                "Starts CancelPaymentWorkflow for the payment, or returns the one that exists: the same workflowId and runId " +
                "for every call about the same payment, and a finished cancellation is never run again.");

        group.MapGet("/{paymentRequestId}", GetCancellationAsync)
            .WithName("GetCancellation")
            .WithSummary("The whole story of one cancellation (the workflow's Status query)")
            .WithDescription("Add ?by=paymentId when the cancellation was started with Antom's paymentId only.");
        return group;
    }

    public static async Task<Results<Accepted<CancellationStarted>, Ok<CancellationStarted>, ValidationProblem, ProblemHttpResult>> StartCancellationAsync(
        StartCancellationBody body,
        ClaimsPrincipal caller,
        CancellationStarter starter,
        CancelSettingsFactory settings,
        TemporalWebLinks links,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = StartCancellationValidation.Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The cancellation request is not valid; nothing was started.");
        }

        var request = new CancelPaymentRequest
        {
            PaymentRequestId = Trimmed(body.PaymentRequestId),
            PaymentId = Trimmed(body.PaymentId),
            Reason = Trimmed(body.Reason),
            BookingRef = Trimmed(body.BookingRef),
            Merchant = Trimmed(body.Merchant),
            CallbackUrl = Trimmed(body.CallbackUrl),
            RequestedBy = caller?.Identity?.Name,
            Settings = settings.Create(),
        };
        CancellationStarter.Result started;
        try
        {
            started = await starter.StartAsync(request, cancellationToken);
        }
        catch (RpcException e)
        {
            // E.g. Temporal down, or a cluster without the search attributes (temporal-config/setup-cluster.sh).
            return TypedResults.Problem(
                statusCode: e.Code is RpcException.StatusCode.Unavailable or RpcException.StatusCode.DeadlineExceeded
                    ? StatusCodes.Status503ServiceUnavailable
                    : StatusCodes.Status502BadGateway,
                title: "Temporal did not start the cancellation; nothing was started",
                detail: e.Message);
        }

        var statusUrl = request.PaymentRequestId is { } prid
            ? $"/v1/cancellations/{Uri.EscapeDataString(prid)}"
            : $"/v1/cancellations/{Uri.EscapeDataString(request.PaymentId!)}?by=paymentId";
        var answer = new CancellationStarted(started.WorkflowId, started.RunId, statusUrl, links.ForWorkflow(started.WorkflowId, started.RunId));
        return started.AlreadyClosed ? TypedResults.Ok(answer) : TypedResults.Accepted(statusUrl, answer);
    }

    public static async Task<Results<Ok<CancelStatus>, ProblemHttpResult>> GetCancellationAsync(
        string paymentRequestId,
        string? by,
        ITemporalClient temporal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(temporal);
        var workflowId = string.Equals(by, "paymentId", StringComparison.OrdinalIgnoreCase)
            ? CancelWorkflowIds.For(null, paymentRequestId)
            : CancelWorkflowIds.For(paymentRequestId, null);
        try
        {
            var status = await temporal.GetWorkflowHandle<CancelPaymentWorkflow>(workflowId)
                .QueryAsync(wf => wf.Status, new WorkflowQueryOptions { Rpc = new RpcOptions { CancellationToken = cancellationToken } });
            return TypedResults.Ok(status);
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No cancellation for this payment",
                detail: $"There is no workflow {workflowId}.");
        }
        catch (RpcException e) when (e.Code is RpcException.StatusCode.Unavailable or RpcException.StatusCode.DeadlineExceeded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Temporal did not answer",
                detail: e.Message);
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
