using CancelWorkflows.Service.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Promotions;

/// <summary>The promotions API's RFC 7807 problems (types under <c>urn:cancelworkflows:problem:</c>).</summary>
public static class PromotionProblems
{
    private const string Prefix = "urn:cancelworkflows:problem:";

    /// <summary>400: the body or the id is not valid; nothing was touched.</summary>
    public const string InvalidPromotion = Prefix + "invalid-promotion";

    /// <summary>400: POST with the id of an existing promotion but different content; use PUT to change it.</summary>
    public const string PromotionExists = Prefix + "promotion-exists-with-different-content";

    /// <summary>404: no promotion with this id.</summary>
    public const string PromotionNotFound = Prefix + "promotion-not-found";

    /// <summary>409: trigger while a run is in progress (it would be skipped: runs of a promotion never overlap).</summary>
    public const string RunInProgress = Prefix + "promotion-run-in-progress";

    /// <summary>503: this service has no holds source (<c>Promotions:HoldsSourceUrl</c>), so no run could list holds.</summary>
    public const string HoldsSourceNotConfigured = Prefix + "holds-source-not-configured";

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail: detail,
            title: "The promotion is not valid; no schedule was touched.",
            type: InvalidPromotion);

    public static ProblemHttpResult NotFound(string promoId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: PromotionNotFound,
        title: "No such promotion",
        detail: $"There is no schedule promo-expiry-{promoId}.");

    /// <summary>Temporal refused the spec (its own check of the cron or the time zone): 400, nothing was touched.</summary>
    public static ValidationProblem? FromRejectedSpec(RpcException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Code != RpcException.StatusCode.InvalidArgument)
        {
            return null;
        }

        var field = e.Message.Contains("time zone", StringComparison.OrdinalIgnoreCase) ? "timeZone" : "cron";
        return Invalid(new Dictionary<string, string[]> { [field] = [$"Temporal refused the schedule: {e.Message}"] });
    }

    public static ProblemHttpResult Temporal(RpcException e, string whatFailed) => TemporalProblems.From(e, whatFailed);
}
