using System.Security.Claims;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CancelWorkflows.Service.Promotions;

/// <summary>Pause, resume, trigger now and delete a promotion's schedule.</summary>
public static class PromotionStateEndpoints
{
    /// <summary>How long a trigger waits to see the run it started (the scheduler starts it within a moment).</summary>
    private static readonly TimeSpan TriggerWait = TimeSpan.FromSeconds(5);

    public static Task<Results<Ok<Promotion>, ValidationProblem, ProblemHttpResult>> PauseAsync(
        string promoId, [FromQuery] string? reason, ClaimsPrincipal caller, [AsParameters] PromotionServices services, CancellationToken cancellationToken) =>
        ChangeAsync(promoId, services, "paused", (s, ct) => s.Scheduler.PauseAsync(promoId, Note("Paused", reason, caller), ct), cancellationToken);

    public static Task<Results<Ok<Promotion>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        string promoId, [FromQuery] string? reason, ClaimsPrincipal caller, [AsParameters] PromotionServices services, CancellationToken cancellationToken) =>
        ChangeAsync(promoId, services, "resumed", (s, ct) => s.Scheduler.ResumeAsync(promoId, Note("Resumed", reason, caller), ct), cancellationToken);

    public static async Task<Results<Accepted<Promotion>, ValidationProblem, ProblemHttpResult>> TriggerAsync(
        string promoId, [AsParameters] PromotionServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (PromotionValidation.PromoIdProblem(promoId) is { } idProblem)
        {
            return PromotionProblems.Invalid(new() { ["promoId"] = [idProblem] });
        }

        try
        {
            var before = await services.Scheduler.DescribeAsync(promoId, cancellationToken);
            if (before is null)
            {
                return PromotionProblems.NotFound(promoId);
            }

            if (before.Info.RunningActions.Count > 0)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    type: ProblemTypes.PromotionRunInProgress,
                    title: "A run of this promotion is in progress",
                    detail: "Runs of one promotion never overlap, so a trigger now would be skipped; the running one is cancelling the holds. " +
                        "Follow it with GET " + PromotionWriteEndpoints.Location(promoId) + ".");
            }

            await services.Scheduler.TriggerAsync(promoId, cancellationToken);
            var after = before;
            var deadline = DateTimeOffset.UtcNow + TriggerWait;
            while (after.Info.NumActions == before.Info.NumActions && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
                after = await services.Scheduler.DescribeAsync(promoId, cancellationToken) ?? after;
            }

            var location = PromotionWriteEndpoints.Location(promoId);
            return TypedResults.Accepted(location, await services.Views.ViewAsync(promoId, after, cancellationToken));
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return TemporalProblems.From(e, "the promotion was not triggered", () => PromotionProblems.NotFound(promoId));
        }
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string promoId, [AsParameters] PromotionServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (PromotionValidation.PromoIdProblem(promoId) is { } idProblem)
        {
            return PromotionProblems.Invalid(new() { ["promoId"] = [idProblem] });
        }

        try
        {
            await services.Scheduler.DeleteAsync(promoId, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return TemporalProblems.From(e, "the promotion was not deleted", () => PromotionProblems.NotFound(promoId));
        }
    }

    private static async Task<Results<Ok<Promotion>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string promoId,
        PromotionServices services,
        string what,
        Func<PromotionServices, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (PromotionValidation.PromoIdProblem(promoId) is { } idProblem)
        {
            return PromotionProblems.Invalid(new() { ["promoId"] = [idProblem] });
        }

        try
        {
            await change(services, cancellationToken);
            var description = await services.Scheduler.DescribeAsync(promoId, cancellationToken);
            return description is null
                ? PromotionProblems.NotFound(promoId)
                : TypedResults.Ok(await services.Views.ViewAsync(promoId, description, cancellationToken));
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return TemporalProblems.From(e, $"the promotion was not {what}", () => PromotionProblems.NotFound(promoId));
        }
    }

    private static string Note(string verb, string? reason, ClaimsPrincipal caller)
    {
        var who = caller?.Identity?.Name ?? "unknown caller";
        var why = string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason.Trim()[..Math.Min(reason.Trim().Length, PromotionValidation.MaxNoteLength)]}";
        return $"{verb} by {who} via the API{why}";
    }
}
