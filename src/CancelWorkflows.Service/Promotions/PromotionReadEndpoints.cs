using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CancelWorkflows.Service.Promotions;

/// <summary><c>GET /v1/promotions/{promoId}</c> and <c>GET /v1/promotions</c>.</summary>
public static class PromotionReadEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static async Task<Results<Ok<Promotion>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string promoId,
        [AsParameters] PromotionServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (PromotionValidation.PromoIdProblem(promoId) is { } problem)
        {
            return PromotionProblems.Invalid(new() { ["promoId"] = [problem] });
        }

        try
        {
            var description = await services.Scheduler.DescribeAsync(promoId, cancellationToken);
            return description is null
                ? PromotionProblems.NotFound(promoId)
                : TypedResults.Ok(await services.Views.ViewAsync(promoId, description, cancellationToken));
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return TemporalProblems.From(e, "the promotion could not be read", () => PromotionProblems.NotFound(promoId));
        }
    }

    public static async Task<Results<Ok<PromotionList>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [FromQuery] int? limit,
        [AsParameters] PromotionServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Must be between 1 and {MaxLimit}."] });
        }

        try
        {
            var schedules = await services.Scheduler.ListAsync(take + 1, cancellationToken);
            var items = schedules.Take(take).Select(PromotionViews.ListItem).OrderBy(i => i.PromoId, StringComparer.Ordinal).ToList();
            return TypedResults.Ok(new PromotionList(items, schedules.Count > take));
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return TemporalProblems.From(e, "the promotions could not be listed");
        }
    }
}
