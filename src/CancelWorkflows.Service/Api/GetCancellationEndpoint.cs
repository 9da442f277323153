using System.Security.Claims;
using CancelWorkflows.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CancelWorkflows.Service.Api;

/// <summary><c>GET /v1/cancellations/{paymentRequestId}</c>: the workflow's <c>Status</c> query, answered as the
/// <see cref="CancellationStatus"/> contract. A plain caller reads only the cancellations it started (<c>RequestedBy</c>);
/// another caller's is answered exactly as one that does not exist.</summary>
public static class GetCancellationEndpoint
{
    public static async Task<Results<Ok<CancellationStatus>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string paymentRequestId,
        [FromQuery] string? by,
        ClaimsPrincipal user,
        [AsParameters] CancellationServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (address, errors) = CancellationAddress.Parse(paymentRequestId, by);
        if (address is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var status = await services.Statuses.ReadAsync(address.WorkflowId, cancellationToken);
            return status is null || !ApiCaller.Of(user).CanSee(status.RequestedBy) ? NotFound(address) : TypedResults.Ok(status.ToContract());
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return TemporalProblems.From(e, "the status could not be read");
        }
    }

    /// <summary>The one 404 for "no such cancellation" and "not yours": the same type, title and detail.</summary>
    public static ProblemHttpResult NotFound(CancellationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            type: ProblemTypes.CancellationNotFound,
            title: "No cancellation for this payment",
            detail: $"There is no workflow {address.WorkflowId}.");
    }
}
