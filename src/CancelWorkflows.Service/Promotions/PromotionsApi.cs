using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using Microsoft.AspNetCore.Mvc;

namespace CancelWorkflows.Service.Promotions;

/// <summary>
/// <c>/v1/promotions</c>: one Temporal Schedule per promotion (<c>promo-expiry-&lt;promoId&gt;</c>) that cancels its unpaid
/// holds when it ends. Same authentication and rate limit as <c>/v1/cancellations</c>, and the role <c>promotions</c> or
/// <c>operator</c> (403 otherwise); RFC 7807 problems.
/// <c>POST</c> creates (the same content again answers 200; different content for an existing id → 400, nothing
/// touched); <c>PUT /{promoId}</c> creates or updates.
/// </summary>
public static class PromotionsApi
{
    public static RouteGroupBuilder MapPromotionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/promotions")
            .WithTags("Promotions")
            .RequireAuthorization(ApiPolicies.Promotions)
            .RequireRateLimiting(ApiRateLimits.PolicyName)
            .WithMetadata(new RequestSizeLimitAttribute(StrictJsonBody.MaxBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost(string.Empty, PromotionWriteEndpoints.CreateAsync)
            .Accepts<PromotionRequest>("application/json")
            .WithName("CreatePromotion")
            .WithSummary("Schedule the cancellation of a promotion's unpaid holds")
            .WithDescription(
                "Creates the Temporal Schedule promo-expiry-<promoId>: one-off at endsAt, or recurring by cron in timeZone. " +
                "201 when created; 200 when a promotion with this id and the same content exists (safe to retry); 400 when the " +
                "input is invalid (end in the past, invalid cron, unknown time zone, bad id) or the id exists with different " +
                "content (use PUT to change it). A 400 touches no schedule.");

        group.MapPut("/{promoId}", PromotionWriteEndpoints.PutAsync)
            .Accepts<PromotionRequest>("application/json")
            .WithName("PutPromotion")
            .WithSummary("Create or update a promotion")
            .WithDescription("Creates the schedule (201) or replaces its timing, parallelism and note (200); paused stays paused.");

        group.MapGet("/{promoId}", PromotionReadEndpoints.GetAsync)
            .WithName("GetPromotion")
            .WithSummary("A promotion: its schedule's state and the last run's summary")
            .WithDescription("Paused or not, next run times, recent runs, and the newest run's progress (Status query while it runs) or summary (its result).");

        group.MapGet(string.Empty, PromotionReadEndpoints.ListAsync)
            .WithName("ListPromotions")
            .WithSummary("All promotions (at most ?limit, default 100)")
            .WithDescription("From Temporal's visibility store: a promotion created a moment ago may take a second to show.");

        group.MapPost("/{promoId}/pause", PromotionStateEndpoints.PauseAsync)
            .WithName("PausePromotion")
            .WithSummary("Pause: no run starts at its time while paused (a missed one-off run is not made up: trigger it)");

        group.MapPost("/{promoId}/resume", PromotionStateEndpoints.ResumeAsync)
            .WithName("ResumePromotion")
            .WithSummary("Resume a paused promotion");

        group.MapPost("/{promoId}/trigger", PromotionStateEndpoints.TriggerAsync)
            .WithName("TriggerPromotion")
            .WithSummary("Run now: cancel the unpaid holds now (409 while a run is in progress; holds already handled are never cancelled twice)");

        group.MapDelete("/{promoId}", PromotionStateEndpoints.DeleteAsync)
            .WithName("DeletePromotion")
            .WithSummary("Delete the schedule (a run in progress finishes)");
        return group;
    }
}
