using System.Security.Claims;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// <c>POST /v1/cancellations/{paymentRequestId}/escalation/resolve</c>: support's resolution, signalled as
/// <c>ResolveEscalation</c>. The <c>Status</c> query is read first, so a cancellation that is not waiting for a resolution
/// (never escalated, or already resolved) is refused with 409 instead of leaving a signal the workflow ignores. Operators
/// only (the route's policy); the resolution is recorded as made by the operator's caller name.
/// </summary>
public static class ResolveEscalationEndpoint
{
    public static async Task<Results<Accepted<EscalationResolveAccepted>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string paymentRequestId,
        [FromQuery] string? by,
        HttpRequest http,
        ClaimsPrincipal user,
        [AsParameters] CancellationServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (address, errors) = CancellationAddress.Parse(paymentRequestId, by);
        var read = await JsonBodyReader.ReadAsync(http, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var json = StrictJsonObject.Parse(read.Bytes, ResolveEscalationBody.Fields);
        var body = ResolveEscalationBody.From(json);
        foreach (var (field, messages) in json.Errors.Count > 0 ? json.Errors : ResolveEscalationBody.Validate(json))
        {
            errors[field] = messages;
        }

        if (address is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The resolution is not valid; nothing was sent.");
        }

        try
        {
            var status = await services.Statuses.ReadAsync(address.WorkflowId, cancellationToken);
            if (status is null)
            {
                return GetCancellationEndpoint.NotFound(address);
            }

            if (status.Outcome != CancelOutcomes.Escalated || status.Resolution is not null)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    type: ApiProblemTypes.NotEscalated,
                    title: "This cancellation is not waiting for a resolution",
                    detail: status.Resolution is { } done
                        ? $"It was resolved by {done.ResolvedBy}: {done.Outcome}."
                        : $"Its outcome is {status.Outcome ?? "not decided yet"}; only an Escalated cancellation takes a resolution.");
            }

            var resolvedBy = ApiCaller.Of(user).Name;
            var resolution = new EscalationResolution(body.Outcome!, resolvedBy, body.Note);
            // By name: the handler reads its payload itself (a malformed one is recorded, never fails the workflow).
            await services.Temporal.GetWorkflowHandle(address.WorkflowId)
                .SignalAsync(TemporalNames.ResolveEscalationSignal, [resolution], new WorkflowSignalOptions { Rpc = new RpcOptions { CancellationToken = cancellationToken } });
            return TypedResults.Accepted(
                address.StatusUrl,
                new EscalationResolveAccepted(address.WorkflowId, status.RunId, address.StatusUrl, resolution.Outcome, resolvedBy));
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return GetCancellationEndpoint.NotFound(address);
        }
        catch (RpcException e)
        {
            return TemporalProblems.From(e, "the resolution was not sent");
        }
        catch (WorkflowQueryFailedException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: ApiProblemTypes.TemporalUnavailable,
                title: "The cancellation could not answer now; nothing was sent",
                detail: e.Message);
        }
    }
}
