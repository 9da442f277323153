using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Temporalio.Client.Schedules;

namespace CancelWorkflows.Service.Promotions;

/// <summary>
/// <c>POST /v1/promotions</c> (create; the same content again is fine; different content for an existing id is refused)
/// and <c>PUT /v1/promotions/{promoId}</c> (create or update). Bad input is refused before any schedule is touched.
/// </summary>
public static class PromotionWriteEndpoints
{
    public static async Task<Results<Created<Promotion>, Ok<Promotion>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest http,
        [AsParameters] PromotionServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (definition, invalid, problem) = await ReadAsync(http, null, services, cancellationToken);
        if (definition is null)
        {
            return invalid is not null ? invalid : problem!;
        }

        try
        {
            var existing = await services.Scheduler.DescribeAsync(definition.PromoId, cancellationToken);
            if (existing is not null)
            {
                return await SameOrRefusedAsync(definition, existing, services, cancellationToken);
            }

            if (PromotionValidation.EndProblem(definition, services.Clock.GetUtcNow()) is { } endProblem)
            {
                return PromotionProblems.Invalid(new() { ["endsAt"] = [endProblem] });
            }

            var created = await services.Scheduler.CreateAsync(definition, cancellationToken);
            if (!created.Created)
            {
                // Another call made it between our look and our create.
                return await SameOrRefusedAsync(definition, created.Description, services, cancellationToken);
            }

            var view = await services.Views.ViewAsync(definition.PromoId, created.Description, cancellationToken);
            return TypedResults.Created(Location(definition.PromoId), view);
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return PromotionProblems.FromRejectedSpec(e) is { } rejected
                ? rejected
                : TemporalProblems.From(e, "the promotion was not created");
        }
    }

    public static async Task<Results<Created<Promotion>, Ok<Promotion>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string promoId,
        HttpRequest http,
        [AsParameters] PromotionServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (definition, invalid, problem) = await ReadAsync(http, promoId, services, cancellationToken);
        if (definition is null)
        {
            return invalid is not null ? invalid : problem!;
        }

        try
        {
            var existing = await services.Scheduler.DescribeAsync(promoId, cancellationToken);
            var current = existing is null ? null : await PromotionScheduler.DefinitionOfAsync(existing);
            if (existing is not null && Equals(current, definition))
            {
                return TypedResults.Ok(await services.Views.ViewAsync(promoId, existing, cancellationToken));
            }

            // An end already passed may stay as it is (e.g. only the note changes); a new end must be in the future.
            var sameEnd = current?.EndsAt is not null && current.EndsAt == definition.EndsAt;
            if (!sameEnd && PromotionValidation.EndProblem(definition, services.Clock.GetUtcNow()) is { } endProblem)
            {
                return PromotionProblems.Invalid(new() { ["endsAt"] = [endProblem] });
            }

            if (existing is null)
            {
                var created = await services.Scheduler.CreateAsync(definition, cancellationToken);
                if (created.Created)
                {
                    return TypedResults.Created(Location(promoId), await services.Views.ViewAsync(promoId, created.Description, cancellationToken));
                }
            }

            var updated = await services.Scheduler.UpdateAsync(definition, cancellationToken);
            return TypedResults.Ok(await services.Views.ViewAsync(promoId, updated, cancellationToken));
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            return PromotionProblems.FromRejectedSpec(e) is { } rejected
                ? rejected
                : TemporalProblems.From(e, "the promotion was not changed");
        }
    }

    public static string Location(string promoId) => $"/v1/promotions/{Uri.EscapeDataString(promoId)}";

    /// <summary>The valid definition, or the answer that refuses it (400; 413/415 from the body reader, 503).</summary>
    private static async Task<(PromotionDefinition? Definition, ValidationProblem? Invalid, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest http, string? pathPromoId, PromotionServices services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(services.HoldsSource.HoldsSourceUrl))
        {
            return (null, null, TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: ProblemTypes.HoldsSourceNotConfigured,
                title: "Promotions are not available on this service",
                detail: "Promotions:HoldsSourceUrl is not configured, so a run could not list any hold."));
        }

        var read = await StrictJsonBody.ReadAsync<PromotionRequest>(http, cancellationToken);
        if (read.Problem is not null)
        {
            return (null, null, read.Problem);
        }

        if (read.Body is not { } body)
        {
            return (null, PromotionProblems.Invalid(read.Errors), null);
        }

        var (definition, invalid) = PromotionValidation.Validate(body, pathPromoId, services.Options);
        if (definition?.AntomMerchant is { } named)
        {
            if (!services.Merchants.TryResolve(named, out var merchant))
            {
                invalid["antomMerchant"] = [services.Merchants.UnknownMerchantMessage(named)];
                return (null, PromotionProblems.Invalid(invalid), null);
            }

            definition = definition with { AntomMerchant = merchant };
        }

        return definition is null ? (null, PromotionProblems.Invalid(invalid), null) : (definition, null, null);
    }

    private static async Task<Results<Created<Promotion>, Ok<Promotion>, ValidationProblem, ProblemHttpResult>> SameOrRefusedAsync(
        PromotionDefinition sent, ScheduleDescription existing, PromotionServices services, CancellationToken cancellationToken)
    {
        var current = await PromotionScheduler.DefinitionOfAsync(existing);
        if (Equals(current, sent))
        {
            return TypedResults.Ok(await services.Views.ViewAsync(sent.PromoId, existing, cancellationToken));
        }

        var differences = current is null ? ["the existing schedule was not made by this API"] : sent.DifferencesFrom(current);
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["promoId"] = [$"Promotion {sent.PromoId} exists with different content: {string.Join("; ", differences)}."] },
            detail: $"POST creates; to change promotion {sent.PromoId}, PUT {Location(sent.PromoId)} with the new content.",
            title: $"Promotion {sent.PromoId} exists with different content; no schedule was touched.",
            type: ProblemTypes.PromotionExists);
    }
}
