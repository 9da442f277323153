using System.Security.Claims;
using CancelWorkflows.Contracts;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Temporalio.Client;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// <c>POST /v1/cancellations/{paymentRequestId}/escalation/resolve</c>: support's resolution, signalled as
/// <c>ResolveEscalation</c>. The <c>Status</c> query is read first, so a cancellation that is not waiting for a resolution
/// (never escalated, or already resolved) is refused with 409 instead of leaving a signal the workflow ignores. Operators
/// only (the route's policy); the resolution is recorded as made by the operator's caller name.
/// </summary>
public static class ResolveEscalationEndpoint
{
    public static async Task<Results<Accepted<ResolveEscalationResult>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string paymentRequestId,
        [FromQuery] string? by,
        HttpRequest http,
        ClaimsPrincipal user,
        [AsParameters] CancellationServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (address, errors) = CancellationAddress.Parse(paymentRequestId, by);
        var read = await StrictJsonBody.ReadAsync<ResolveEscalationRequest>(http, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var body = ResolveEscalationValidation.Normalize(read.Body);
        foreach (var (field, messages) in read.Errors.Count > 0 ? ResolveEscalationValidation.Explain(read.Errors) : ResolveEscalationValidation.Validate(body))
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
                    type: ProblemTypes.NotEscalated,
                    title: "This cancellation is not waiting for a resolution",
                    detail: status.Resolution is { } done
                        ? $"It was resolved by {done.ResolvedBy}: {done.Outcome}."
                        : $"Its outcome is {status.Outcome ?? "not decided yet"}; only an Escalated cancellation takes a resolution.");
            }

            var resolvedBy = ApiCaller.Of(user).Name;
            var resolution = new EscalationResolution(body!.Outcome!, resolvedBy, body.Note);
            // By name: the handler reads its payload itself (a malformed one is recorded, never fails the workflow).
            await services.Temporal.GetWorkflowHandle(address.WorkflowId)
                .SignalAsync(TemporalNames.ResolveEscalationSignal, [resolution], new WorkflowSignalOptions { Rpc = new RpcOptions { CancellationToken = cancellationToken } });
            return TypedResults.Accepted(
                address.StatusUrl,
                new ResolveEscalationResult
                {
                    WorkflowId = address.WorkflowId,
                    RunId = status.RunId,
                    StatusUrl = address.StatusUrl,
                    Outcome = resolution.Outcome,
                    ResolvedBy = resolvedBy,
                });
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return TemporalProblems.From(e, "the resolution was not sent", () => GetCancellationEndpoint.NotFound(address));
        }
    }
}
