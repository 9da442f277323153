using System.Diagnostics;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Service.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Notifications;

/// <summary>
/// One Antom notification, start to answer (docs/design.md, "Notification ingress"): read the raw body (limit → 413), verify
/// the signature, client id and request-time (→ 401), parse (→ 400), record it in Temporal through the
/// <see cref="NotificationRouter"/> (a notification already recorded is not signalled again), and only then acknowledge
/// with Antom's exact success body. If Temporal does not take
/// it within <see cref="NotificationOptions.TemporalTimeout"/>: 503 with the failure body, and Antom sends it again.
/// Bad input never gets a 5xx; nothing is signalled or started for it. Every notification is counted once.
/// </summary>
public sealed class NotificationIngress(
    AntomNotificationVerifier verifier,
    AntomMerchantDirectory merchants,
    NotificationRouter router,
    NotificationMetrics metrics,
    IOptions<NotificationOptions> options,
    ILogger<NotificationIngress> logger)
{
    private readonly NotificationOptions settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        byte[]? body;
        try
        {
            body = await NotificationBodyReader.ReadAsync(request, settings.MaxBodyBytes, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return Refuse(e.StatusCode, NotificationVerdicts.RejectedUnreadableBody, $"the body could not be read: {e.Message}");
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return Refuse(StatusCodes.Status400BadRequest, NotificationVerdicts.RejectedUnreadableBody, "the sender went away while sending the body");
        }

        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, NotificationVerdicts.RejectedBodyTooLarge, $"the body is larger than {settings.MaxBodyBytes} bytes (Notifications:MaxBodyBytes)");
        }

        var verdict = verifier.Verify(
            SignedPathOf(context),
            request.Headers[AntomSignature.ClientIdHeader].ToString(),
            request.Headers[AntomSignature.RequestTimeHeader].ToString(),
            request.Headers[AntomSignature.HeaderName].ToString(),
            body);
        if (verdict.Rejection is { } rejection)
        {
            return Refuse(StatusCodes.Status401Unauthorized, NotificationVerdicts.Of(rejection), verdict.Reason);
        }

        var parsed = AntomNotificationParser.Parse(body);
        if (parsed.Error is { } error)
        {
            return Refuse(StatusCodes.Status400BadRequest, NotificationVerdicts.Of(error), parsed.Reason ?? error.ToString());
        }

        var signal = NotificationSignal.From(parsed, body, merchants.MerchantOfClientId(verdict.ClientId!));
        if (signal is null)
        {
            // Antom's notifyRefund carries refund ids only; nothing here knows them before it arrives.
            var refund = parsed.Refund!;
            Count(NotificationVerdicts.IgnoredUnroutableRefund);
            logger.LogWarning(
                "Notification {NotificationId} (REFUND_RESULT {RefundStatus}, refund {RefundId}/{RefundRequestId}, {Currency} {Value}) names no payment; acknowledged and not recorded",
                NotificationSignal.IdOf(body),
                refund.RefundStatus,
                refund.RefundId,
                refund.RefundRequestId,
                refund.RefundAmount?.Currency,
                refund.RefundAmount?.Value);
            return NotificationResponses.Acknowledged();
        }

        return await RecordAsync(signal, context.RequestAborted);
    }

    private async Task<IResult> RecordAsync(NotificationSignal signal, CancellationToken requestAborted)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        deadline.CancelAfter(settings.TemporalTimeout);
        NotificationRouting routing;
        try
        {
            routing = await router.RouteAsync(signal, deadline.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var unavailable = IsUnavailable(e);
            Count(unavailable ? NotificationVerdicts.TemporalUnavailable : NotificationVerdicts.TemporalFailed);
            logger.Log(
                unavailable ? LogLevel.Warning : LogLevel.Error,
                e,
                "Notification {NotificationId} ({Description}, payment {PaymentRequestId}/{PaymentId}) not recorded: {Problem}; not acknowledged, Antom will send it again",
                signal.NotificationId,
                signal.Description,
                signal.PaymentRequestId,
                signal.PaymentId,
                requestAborted.IsCancellationRequested ? "the sender went away" : e.Message);
            return NotificationResponses.NotAcknowledged();
        }

        Count(routing.Verdict);
        Activity.Current?.SetTag("cancelworkflows.payment_request_id", signal.PaymentRequestId);
        Activity.Current?.SetTag("cancelworkflows.payment_id", signal.PaymentId);
        Activity.Current?.SetTag("temporal.workflow.id", routing.WorkflowId);
        logger.LogInformation(
            "Notification {NotificationId} ({Description}, payment {PaymentRequestId}/{PaymentId}): {Verdict} {WorkflowId}; acknowledged",
            signal.NotificationId,
            signal.Description,
            signal.PaymentRequestId,
            signal.PaymentId,
            routing.Verdict,
            routing.WorkflowId);
        return NotificationResponses.Acknowledged();
    }

    private IResult Refuse(int statusCode, string verdict, string detail)
    {
        Count(verdict);
        logger.LogWarning("Notification refused with {StatusCode} {Verdict}: {Detail}", statusCode, verdict, detail);
        return NotificationResponses.Refused(statusCode, verdict, detail);
    }

    /// <summary>The counter, and the verdict on this request's span (ASP.NET Core's), so a trace says what became of it.</summary>
    private void Count(string verdict)
    {
        metrics.Count(verdict);
        Activity.Current?.SetTag("cancelworkflows.notification.verdict", verdict);
    }

    /// <summary>Temporal did not answer (down, overloaded, our deadline): as opposed to answering with an error.</summary>
    private static bool IsUnavailable(Exception e) => e switch
    {
        OperationCanceledException => true,

        // How the SDK reports that it could not (re)connect at all: no RpcException, no status code.
        InvalidOperationException when e.Message.StartsWith("Connection failed", StringComparison.Ordinal) => true,
        RpcException rpc => rpc.Code is RpcException.StatusCode.Unavailable or RpcException.StatusCode.DeadlineExceeded
            or RpcException.StatusCode.Cancelled or RpcException.StatusCode.ResourceExhausted or RpcException.StatusCode.Aborted,
        _ => false,
    };

    /// <summary>The request target as sent (path and query, not decoded): what Antom signed. The decoded path otherwise.</summary>
    private static string SignedPathOf(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return raw is { Length: > 0 } && raw[0] == '/'
            ? raw
            : context.Request.PathBase + context.Request.Path + context.Request.QueryString;
    }
}
