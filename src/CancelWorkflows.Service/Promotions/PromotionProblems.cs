using CancelWorkflows.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Promotions;

/// <summary>The promotions API's own RFC 7807 problems (types in <see cref="ProblemTypes"/>); Temporal's errors go through
/// <see cref="Api.TemporalProblems"/> like every endpoint's.</summary>
public static class PromotionProblems
{
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail: detail,
            title: "The promotion is not valid; no schedule was touched.",
            type: ProblemTypes.InvalidPromotion);

    public static ProblemHttpResult NotFound(string promoId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: ProblemTypes.PromotionNotFound,
        title: "No such promotion",
        detail: $"There is no schedule promo-expiry-{promoId}.");

    /// <summary>Temporal refused the spec (its own check of the cron or the time zone): 400, nothing was touched.</summary>
    public static ValidationProblem? FromRejectedSpec(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is not RpcException { Code: RpcException.StatusCode.InvalidArgument })
        {
            return null;
        }

        var field = e.Message.Contains("time zone", StringComparison.OrdinalIgnoreCase) ? "timeZone" : "cron";
        return Invalid(new Dictionary<string, string[]> { [field] = [$"Temporal refused the schedule: {e.Message}"] });
    }
}
