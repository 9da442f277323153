using System.Diagnostics;
using System.Security.Claims;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.DelayedCancel;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CancelWorkflows.Service.Api;

/// <summary><c>POST /v1/cancellations</c>: start the cancellation of one payment, or answer with the one that exists.</summary>
public static class StartCancellationEndpoint
{
    public static async Task<Results<Accepted<StartCancellationResult>, Ok<StartCancellationResult>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpRequest http,
        [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey,
        [FromQuery] string? wait,
        ClaimsPrincipal user,
        [AsParameters] CancellationServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(services);
        var caller = ApiCaller.Of(user);
        var clock = Stopwatch.StartNew();
        var read = await StrictJsonBody.ReadAsync<StartCancellationRequest>(http, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var errors = read.Errors;
        var body = StartCancellationValidation.Normalize(read.Body ?? new StartCancellationRequest());
        if (errors.Count == 0)
        {
            errors = StartCancellationValidation.Validate(body);
        }

        if (!errors.ContainsKey("callbackUrl") && services.CallbackUrls.Problem(body.CallbackUrl, caller.Name) is { } callbackProblem)
        {
            errors["callbackUrl"] = [callbackProblem];
        }

        if (IdempotencyKeyHeader.Problem(idempotencyKey) is { } keyProblem)
        {
            errors[IdempotencyKeyHeader.Name] = [keyProblem];
        }

        var (startDelay, notBeforeProblem) = NotBefore.Parse(body.NotBefore, DateTimeOffset.UtcNow);
        if (notBeforeProblem is not null)
        {
            errors[NotBefore.Field] = [notBeforeProblem];
        }

        if (!errors.ContainsKey("antomMerchant") && body.AntomMerchant is { } named && !services.Merchants.TryResolve(named, out _))
        {
            errors["antomMerchant"] = [services.Merchants.UnknownMerchantMessage(named)];
        }

        var (waitFor, waitProblem) = WaitParameter.Parse(wait);
        if (waitProblem is not null)
        {
            errors["wait"] = [waitProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The cancellation request is not valid; nothing was started.");
        }

        var callerName = caller.Name;
        var antomMerchant = services.Merchants.MerchantOf(body.AntomMerchant, callerName);
        var (fallback, fallbackSource) = services.Merchants.FallbackOf(body.Fallback, callerName, antomMerchant);
        var request = new CancelPaymentRequest
        {
            PaymentRequestId = body.PaymentRequestId,
            PaymentId = body.PaymentId,
            Reason = body.Reason,
            BookingRef = body.BookingRef,
            Merchant = body.Merchant,
            CallbackUrl = body.CallbackUrl,
            RequestedBy = callerName,
            AntomMerchant = antomMerchant,
            Fallback = fallback == CancellationFallbacks.Refund ? CancelFallbacks.Refund : null,
            FallbackSource = fallbackSource,
            Settings = services.Settings.Create(),
        };
        var memo = new CancellationMemo(callerName, idempotencyKey, idempotencyKey is null ? null : StartFingerprint.Of(body), antomMerchant);
        CancellationStarter.Result started;
        try
        {
            started = await services.Starter.StartAsync(request, memo, startDelay, cancellationToken);
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            // E.g. Temporal down, or a cluster without the search attributes (temporal-config/setup-cluster.sh).
            return TemporalProblems.From(e, "the cancellation was not started");
        }

        if (started.Verdict == StartVerdict.AnotherCaller && !caller.IsOperator)
        {
            // Nothing about the other cancellation: not its workflow, its outcome or who asked. Not even a wait.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                type: ProblemTypes.PaymentCancelledByAnotherCaller,
                title: "Another caller already asked to cancel this payment",
                detail: "There is one cancellation per payment, and only the caller that started it can follow it. Nothing was started.");
        }

        if (started.Verdict == StartVerdict.AnotherMerchant)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                type: ProblemTypes.PaymentIdOfAnotherMerchant,
                title: "This payment id is being cancelled for another Antom merchant",
                detail: $"A cancellation of {started.WorkflowId} exists for another Antom merchant than {antomMerchant}; Antom's payment ids are unique per merchant only, and one workflow id serves one payment. Nothing was started.");
        }

        if (started.Verdict == StartVerdict.KeyReused)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                type: ProblemTypes.IdempotencyKeyReused,
                title: "This Idempotency-Key was used for a different request",
                detail: $"The key started {started.WorkflowId} with another body; use a new key for a new request.");
        }

        var address = CancellationAddress.Of(request);
        // A delayed start has nothing to wait for yet; beyond Api:Wait's bounds, a start answers as if wait=0.
        var waitLeft = startDelay is null ? waitFor - clock.Elapsed : TimeSpan.Zero;
        using var waitSlot = started.Running && waitLeft > TimeSpan.Zero ? services.WaitSlots.TryTake(caller.Name) : null;
        var decided = await DecidedStatusAsync(services.Statuses, started, waitSlot is null ? TimeSpan.Zero : waitLeft, cancellationToken);
        var answer = new StartCancellationResult
        {
            WorkflowId = started.WorkflowId,
            RunId = started.RunId,
            StatusUrl = address.StatusUrl,
            TemporalWebUrl = services.Links.ForWorkflow(started.WorkflowId, started.RunId),
            Created = started.Verdict is StartVerdict.Created or StartVerdict.Replayed,
            Outcome = decided?.Outcome,
            Cancellation = decided?.Outcome is not null || !started.Running ? decided?.ToContract() : null,
        };
        return started.Running && decided?.Outcome is null
            ? TypedResults.Accepted(address.StatusUrl, answer)
            : TypedResults.Ok(answer);
    }

    /// <summary>The status when the outcome is known: a closed workflow's result, or a running one's within the wait.</summary>
    private static async Task<CancelStatus?> DecidedStatusAsync(
        CancelStatusReader statuses, CancellationStarter.Result started, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            if (started.Completed)
            {
                return await statuses.ResultAsync(started.WorkflowId, started.RunId, cancellationToken);
            }

            if (!started.Running)
            {
                return await statuses.ReadAsync(started.WorkflowId, cancellationToken);
            }

            return wait > TimeSpan.Zero ? await statuses.WaitForOutcomeAsync(started.WorkflowId, wait, cancellationToken) : null;
        }
        catch (Exception e) when (TemporalProblems.Handles(e))
        {
            // The start itself succeeded; without an outcome the answer is still the workflow (202, or 200 when closed).
            return null;
        }
    }
}
