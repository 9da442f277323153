using System.Diagnostics;
using System.Text.Json;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.AntomSimulator;

/// <summary>
/// Antom's own paths: <c>POST /ams/api/v1/payments/{cancel,inquiryPayment,refund,inquiryRefund}</c> and the same under
/// <c>/ams/sandbox/api/</c>. Every request is verified with the calling merchant's key (unknown client → F CLIENT_INVALID,
/// bad or missing signature → F INVALID_SIGNATURE, both HTTP 200, signed); every answer is signed with the simulator's
/// Antom key over <c>POST &lt;request path&gt;\n&lt;client-id&gt;.&lt;response-time&gt;.&lt;body&gt;</c>.
/// Order per call: size → client → signature → JSON → payment → queued fault → rules.
/// </summary>
internal sealed class AntomGateway(PaymentBook book, SimulatorKeys keys, SimulatorClock clock, NotificationSender sender, SimulatorOptions options, ILogger<AntomGateway> logger)
{
    public const int MaxBodyBytes = 64 * 1024;

    private readonly Lock refundGate = new();

    public async Task HandleAsync(HttpContext context, string operation, bool sandbox)
    {
        var api = operation switch
        {
            "cancel" => FaultKinds.Cancel,
            "inquiryPayment" => FaultKinds.InquiryPayment,
            "inquiryRefund" => FaultKinds.InquiryRefund,
            "refund" => FaultKinds.Refund,
            _ => null,
        };
        if (api is null)
        {
            await Results.Problem(statusCode: 404, title: "Not simulated", detail: $"The simulator has no Antom API '{operation}' (only cancel, inquiryPayment, refund, inquiryRefund).")
                .ExecuteAsync(context);
            return;
        }

        var body = await BodyReader.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await Results.Problem(statusCode: 413, title: "Body too large", detail: $"Antom request bodies are limited to {MaxBodyBytes} bytes here.")
                .ExecuteAsync(context);
            return;
        }

        var call = new Call(context, api, sandbox, RequestPath(context), Header(context, AntomSignature.ClientIdHeader) ?? string.Empty, body);
        var requestTime = Header(context, AntomSignature.RequestTimeHeader) ?? string.Empty;
        var signature = Header(context, AntomSignature.HeaderName);

        if (!keys.IsTrusted(call.ClientId))
        {
            await RejectAsync(call, "CLIENT_INVALID", $"Client '{call.ClientId}' is not a trusted merchant of this simulator (PUT /sim/v1/merchants/{{clientId}}).");
            return;
        }

        if (!keys.Verify(call.ClientId, call.Path, requestTime, body, signature))
        {
            await RejectAsync(call, "INVALID_SIGNATURE", "The request signature does not verify with the merchant's public key.");
            return;
        }

        if (!TryParse(call, out var ids))
        {
            await AnswerAsync(call, ResultOnly(api, Failure("PARAM_ILLEGAL", "The body is not JSON with string ids, or names neither id.")));
            return;
        }

        if (api == FaultKinds.Refund
            && RefundRequestShape.Problem(ids.RefundRequestId, ids.PaymentId, ids.RefundAmount, ids.RefundReason, ids.ReferenceRefundId, ids.RefundNotifyUrl) is { } problem)
        {
            if (Locate(api, ids) is { } named)
            {
                Log(named, call, null, "F", "PARAM_ILLEGAL", 200);
            }

            await AnswerAsync(call, ResultOnly(api, Failure("PARAM_ILLEGAL", problem)));
            return;
        }

        var entry = Locate(api, ids);
        var fault = entry?.TakeFault(api);
        switch (fault?.Kind)
        {
            case FaultKinds.Delay:
                try
                {
                    await Task.Delay(fault.DelayMs ?? 0, sender.Stopping);
                }
                catch (OperationCanceledException)
                {
                    context.Abort();
                    return;
                }

                break;
            case FaultKinds.U:
                var unknownCode = fault.ResultCode ?? "UNKNOWN_EXCEPTION";
                Log(entry!, call, FaultKinds.U, "U", unknownCode, 200);
                await AnswerAsync(call, ResultOnly(api, new AntomResult(unknownCode, "U", "Simulated unknown outcome: resend the same request.")));
                return;
            case FaultKinds.F:
                Log(entry!, call, FaultKinds.F, "F", fault.ResultCode, 200);
                await AnswerAsync(call, ResultOnly(api, Failure(fault.ResultCode!, "Simulated failure.")));
                return;
            case FaultKinds.Http500 or FaultKinds.Drop when fault.ProcessFirst != true:
                Log(entry!, call, fault.Kind, null, null, fault.Kind == FaultKinds.Drop ? 0 : 500);
                await LoseAnswerAsync(call, fault.Kind);
                return;
            default:
                break;
        }

        var lost = fault?.Kind is FaultKinds.Http500 or FaultKinds.Drop ? fault.Kind : null;
        var httpStatus = lost == FaultKinds.Drop ? 0 : lost == FaultKinds.Http500 ? 500 : 200;
        var (answer, notification) = api switch
        {
            FaultKinds.Cancel => (Cancel(entry, call, ids, fault?.Kind, httpStatus), null),
            FaultKinds.InquiryPayment => (InquiryPayment(entry, call, ids, fault?.Kind, httpStatus), null),
            FaultKinds.Refund => Refund(entry, call, ids, fault?.Kind, httpStatus),
            _ => (InquiryRefund(entry, call, ids, fault?.Kind, httpStatus), (PendingNotification?)null),
        };
        if (notification is { } n)
        {
            sender.Start(n.Entry, n.Delivery, n.Body); // a successful refund is always notified (§4), whatever happens to the answer
        }

        if (lost is not null)
        {
            await LoseAnswerAsync(call, lost); // processed, then the answer is lost
            return;
        }

        await AnswerAsync(call, answer, badSignature: fault?.Kind == FaultKinds.BadSignature);
    }

    private byte[] Cancel(PaymentEntry? entry, Call call, Ids ids, string? fault, int httpStatus)
    {
        if (entry is null)
        {
            return SimJson.Serialize(new CancelResponse(NotExist(), null, null, null));
        }

        return book.Update(entry, r =>
        {
            var now = clock.GetUtcNow();
            if (!Owns(r, call.ClientId))
            {
                return (r.WithCall(Record(call, now, "F", "ORDER_NOT_EXIST", fault, httpStatus)), SimJson.Serialize(new CancelResponse(NotExist(), null, null, null)));
            }

            var next = r;
            AntomResult result;
            DateTimeOffset? cancelTime = null;
            var effective = false;
            switch (SimCancelRules.Decide(r, now))
            {
                case CancelVerdict.AlreadyCancelled:
                    cancelTime = r.CancelTime ?? now; // A3: a resend answers S with the original cancelTime, and changes nothing
                    result = AntomResult.Success;
                    break;
                case CancelVerdict.Refunded:
                    result = Failure("PROCESS_FAIL", "The payment has been refunded (fully or partly) and cannot be cancelled."); // N1
                    break;
                case CancelVerdict.WindowExceeded:
                    result = Failure("CANCEL_WINDOW_EXCEED", "The cancel window of this payment has passed; refund it instead."); // W1–W5, N2
                    break;
                case CancelVerdict.FailStays:
                    cancelTime = r.CancelTime ?? now; // S, but the payment stays FAIL (docs/antom-api.md §1)
                    next = r with { Status = SimStatuses.Fail, CancelTime = cancelTime };
                    result = AntomResult.Success;
                    break;
                default:
                    cancelTime = now;
                    effective = true;
                    Debug.Assert(r.EffectiveCancels == 0, "a payment that is not CANCELLED was never cancelled");
                    next = r with { Status = SimStatuses.Cancelled, CancelTime = now, EffectiveCancels = r.EffectiveCancels + 1 };
                    if (r.Status == SimStatuses.Success && !(SimCancelRules.IsCard(r.PaymentMethodType) && !r.Captured))
                    {
                        next = next.WithRefund(NewRefund(r, now, SimRefundReasons.Cancel)); // C2: paid and cancelled → full refund (a card authorisation is voided instead)
                    }

                    result = AntomResult.Success;
                    break;
            }

            var response = result.ResultStatus == "S"
                ? new CancelResponse(result, r.PaymentId, r.PaymentRequestId, AntomTime.Format(cancelTime))
                : new CancelResponse(result, null, null, null);
            return (next.WithCall(Record(call, now, result.ResultStatus, result.ResultCode, fault, httpStatus, effective)), SimJson.Serialize(response));
        });
    }

    private byte[] InquiryPayment(PaymentEntry? entry, Call call, Ids ids, string? fault, int httpStatus)
    {
        if (entry is null)
        {
            return SimJson.Serialize(EmptyInquiry(NotExist()));
        }

        return book.Update(entry, r =>
        {
            var now = clock.GetUtcNow();
            if (!Owns(r, call.ClientId))
            {
                return (r.WithCall(Record(call, now, "F", "ORDER_NOT_EXIST", fault, httpStatus)), SimJson.Serialize(EmptyInquiry(NotExist())));
            }

            var status = SimCancelRules.EffectiveStatus(r, now);
            var (code, message) = status switch
            {
                SimStatuses.Success => ("SUCCESS", "success"),
                SimStatuses.Fail or SimStatuses.Cancelled => ("ORDER_IS_CLOSED", "The payment is closed."),
                _ => ("PAYMENT_IN_PROCESS", "The payment is being processed."),
            };
            var transactions = new List<AntomTransaction>();
            if (r.Captured)
            {
                transactions.Add(new AntomTransaction("CAPTURE", "SUCCESS", "C" + r.PaymentId, "capture-" + r.PaymentRequestId, r.Amount, AntomTime.Format(r.PaymentTime ?? r.CreateTime)));
            }

            transactions.AddRange(r.Refunds.Select(f => new AntomTransaction("REFUND", f.RefundStatus, f.RefundId, f.RefundRequestId, f.RefundAmount, AntomTime.Format(f.RefundTime))));
            var response = new InquiryPaymentResponse(
                AntomResult.Success,
                status == SimStatuses.Initiated ? SimStatuses.Processing : status, // Antom has no INITIATED: after the pay call it is PROCESSING
                code,
                message,
                r.PaymentRequestId,
                r.PaymentId,
                r.Amount,
                AntomTime.Format(r.CreateTime),
                AntomTime.Format(r.PaymentTime),
                r.PaymentMethodType,
                transactions.Count == 0 ? null : transactions);
            return (r.WithCall(Record(call, now, "S", "SUCCESS", fault, httpStatus)), SimJson.Serialize(response));
        });
    }

    /// <summary>
    /// refund (docs/rules.md RF1–RF6): the same refundRequestId and amount replay the first answer (a refund is never made twice,
    /// a refusal is repeated); the same refundRequestId with another amount or payment is PARAM_ILLEGAL (Antom documents no code for
    /// it) and changes nothing; otherwise the rules decide (<see cref="SimRefundRules.Refusal"/>), and an accepted refund is
    /// SUCCESS at once (sync, notified) or PROCESSING (async, U REFUND_IN_PROCESS).
    /// </summary>
    private (byte[] Body, PendingNotification? Notification) Refund(PaymentEntry? entry, Call call, Ids ids, string? fault, int httpStatus)
    {
        var notFound = SimJson.Serialize(RefundResult(NotExist()));
        if (entry is null)
        {
            return (notFound, null);
        }

        lock (refundGate) // a refundRequestId names one refund across all payments: look it up and record it as one step
        {
            var usedFor = book.RefundRequestOwner(ids.RefundRequestId!);
            return book.Update(entry, r =>
            {
                var now = clock.GetUtcNow();
                (PaymentRecord, (byte[], PendingNotification?)) Answer(PaymentRecord next, AntomResult result, byte[]? body = null, bool effective = false) =>
                    (next.WithCall(Record(call, now, result.ResultStatus, result.ResultCode, fault, httpStatus, effective)), (body ?? SimJson.Serialize(RefundResult(result)), null));

                if (!Owns(r, call.ClientId))
                {
                    return Answer(r, NotExist(), notFound);
                }

                var amount = ids.RefundAmount!;
                var earlier = r.Refunds.LastOrDefault(f => f.RefundRequestId == ids.RefundRequestId);
                var refused = r.RejectedRefunds.LastOrDefault(f => f.RefundRequestId == ids.RefundRequestId);
                if ((usedFor is not null && usedFor != r.PaymentRequestId) || (earlier?.RefundAmount ?? refused?.RefundAmount ?? amount) != amount)
                {
                    return Answer(r, Failure("PARAM_ILLEGAL", "This refundRequestId was already used for another payment or another amount."));
                }

                if (earlier is not null)
                {
                    return Answer(r, ReplayResult(earlier), earlier.RefundStatus == SimRefundStatuses.Success ? Refunded(r, earlier) : null);
                }

                if (refused is not null)
                {
                    return Answer(r, Failure(refused.ResultCode, "The same refund request was refused before."));
                }

                if (SimRefundRules.Refusal(r, amount, now) is { } no)
                {
                    return Answer(r.WithRejectedRefund(new SimRefundRejection(ids.RefundRequestId!, amount, no.Code, now)), Failure(no.Code, no.Message));
                }

                var async = r.RefundMode == SimRefundModes.Async;
                var refund = new SimRefund(
                    PaymentBook.NewAntomId(now),
                    ids.RefundRequestId!,
                    amount,
                    async ? SimRefundStatuses.Processing : SimRefundStatuses.Success,
                    async ? null : now,
                    SimRefundReasons.Api,
                    ids.RefundNotifyUrl);
                var next = r.WithRefund(refund);
                if (async)
                {
                    return Answer(next, InProcess, effective: true);
                }

                var (stored, (body, _)) = Answer(next, AntomResult.Success, Refunded(r, refund), effective: true);
                return (stored, (body, Notify(entry, stored, refund, ids.RefundNotifyUrl, call.ClientId)));
            });
        }
    }

    /// <summary>notifyRefund for a refund that succeeded, when there is somewhere to send it (its refundNotifyUrl, else the
    /// Dashboard's URL, <see cref="SimulatorOptions.NotifyUrl"/>). Called under the payment's lock.</summary>
    private PendingNotification? Notify(PaymentEntry entry, PaymentRecord payment, SimRefund refund, string? refundNotifyUrl, string caller)
    {
        if (ControlApi.TargetUrl(refundNotifyUrl ?? options.NotifyUrl) is not { } url)
        {
            return null;
        }

        var delivery = SimNotifications.RefundDelivery(refund, url, payment.Merchant ?? caller);
        entry.Deliveries.Add(delivery);
        return new PendingNotification(entry, delivery, SimNotifications.RefundBody(payment, refund));
    }

    private static readonly AntomResult InProcess = new(RefundResultCodes.RefundInProcess, "U", "The refund is being processed; the result follows by notifyRefund.");

    private static AntomResult ReplayResult(SimRefund refund) => refund.RefundStatus switch
    {
        SimRefundStatuses.Success => AntomResult.Success,
        SimRefundStatuses.Processing => InProcess,
        _ => Failure(SimNotifications.RefundFailCode, "The refund failed."),
    };

    private static byte[] Refunded(PaymentRecord r, SimRefund refund) =>
        SimJson.Serialize(new RefundResponse(AntomResult.Success, refund.RefundRequestId, refund.RefundId, r.PaymentId, refund.RefundAmount, AntomTime.Format(refund.RefundTime)));

    private static RefundResponse RefundResult(AntomResult result) => new(result, null, null, null, null, null);

    private byte[] InquiryRefund(PaymentEntry? entry, Call call, Ids ids, string? fault, int httpStatus)
    {
        var notFound = SimJson.Serialize(new InquiryRefundResponse(NotExist(), null, null, null, null, null));
        if (entry is null)
        {
            return notFound;
        }

        return book.Update(entry, r =>
        {
            var now = clock.GetUtcNow();
            var refund = r.Refunds.LastOrDefault(f => !string.IsNullOrEmpty(ids.RefundId) ? f.RefundId == ids.RefundId : f.RefundRequestId == ids.RefundRequestId);
            if (refund is null || !Owns(r, call.ClientId))
            {
                return (r.WithCall(Record(call, now, "F", "ORDER_NOT_EXIST", fault, httpStatus)), notFound);
            }

            var response = new InquiryRefundResponse(
                AntomResult.Success,
                refund.RefundId,
                refund.RefundRequestId,
                refund.RefundAmount,
                refund.RefundStatus,
                refund.RefundStatus == "SUCCESS" ? AntomTime.Format(refund.RefundTime) : null);
            return (r.WithCall(Record(call, now, "S", "SUCCESS", fault, httpStatus)), SimJson.Serialize(response));
        });
    }

    /// <summary>A full refund made by the simulator (C2, C5). Ids in Antom's style; the request id names its origin.</summary>
    public static SimRefund NewRefund(PaymentRecord r, DateTimeOffset now, string reason) =>
        new(PaymentBook.NewAntomId(now), $"{reason}-refund-{r.PaymentRequestId}", r.Amount, SimRefundStatuses.Success, now, reason);

    private PaymentEntry? Locate(string api, Ids ids) => api switch
    {
        FaultKinds.InquiryRefund => book.ResolveRefund(ids.RefundId, ids.RefundRequestId, out _),
        FaultKinds.Refund => string.IsNullOrEmpty(ids.PaymentId) ? null : book.FindByPaymentId(ids.PaymentId), // refund names Antom's id only
        _ => book.Resolve(ids.PaymentId, ids.PaymentRequestId),
    };

    private async Task RejectAsync(Call call, string code, string message)
    {
        // Log the rejected call on the payment when the body names one: it shows up in GET /sim/v1/payments/{id}.
        if (TryParse(call, out var ids) && Locate(call.Api, ids) is { } entry)
        {
            Log(entry, call, null, "F", code, 200);
        }

        logger.LogInformation("Antom {Api} from '{ClientId}' rejected: {Code}", call.Api, call.ClientId, code);
        await AnswerAsync(call, ResultOnly(call.Api, Failure(code, message)));
    }

    private void Log(PaymentEntry entry, Call call, string? fault, string? resultStatus, string? resultCode, int httpStatus) =>
        book.Update(entry, r => (r.WithCall(Record(call, clock.GetUtcNow(), resultStatus, resultCode, fault, httpStatus)), 0));

    private static SimCall Record(Call call, DateTimeOffset now, string? resultStatus, string? resultCode, string? fault, int httpStatus, bool effective = false) =>
        new(now, call.Api, call.ClientId, resultStatus, resultCode, fault, httpStatus, call.Sandbox, effective);

    private async Task AnswerAsync(Call call, byte[] body, bool badSignature = false)
    {
        var response = call.Context.Response;
        var responseTime = AntomTime.FormatPrecise(DateTimeOffset.UtcNow);
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=UTF-8";
        response.Headers[AntomSignature.ResponseTimeHeader] = responseTime;
        response.Headers[AntomSignature.ClientIdHeader] = call.ClientId;
        response.Headers[AntomSignature.HeaderName] = badSignature
            ? keys.SignWrongly(call.Path, call.ClientId, responseTime, body)
            : keys.Sign(call.Path, call.ClientId, responseTime, body);
        response.ContentLength = body.Length;
        try
        {
            await response.Body.WriteAsync(body, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            logger.LogInformation("The caller of {Api} left before the answer was written", call.Api);
        }
    }

    private static async Task LoseAnswerAsync(Call call, string kind)
    {
        if (kind == FaultKinds.Drop)
        {
            call.Context.Abort(); // no status line, no body: the client sees a dropped connection
            return;
        }

        call.Context.Response.StatusCode = 500;
        call.Context.Response.ContentType = "application/json";
        await call.Context.Response.WriteAsync("{\"error\":\"simulated internal server error\"}", CancellationToken.None);
    }

    private static bool TryParse(Call call, out Ids ids)
    {
        ids = default!;
        try
        {
            var parsed = AntomJson.Deserialize<Ids>(call.Body);
            if (parsed is null)
            {
                return false;
            }

            ids = parsed;
        }
        catch (JsonException)
        {
            return false;
        }

        return call.Api switch
        {
            FaultKinds.InquiryRefund => !string.IsNullOrEmpty(ids.RefundId) || !string.IsNullOrEmpty(ids.RefundRequestId),
            FaultKinds.Refund => true, // its fields are checked one by one (RefundRequestShape), for a precise PARAM_ILLEGAL
            _ => !string.IsNullOrEmpty(ids.PaymentId) || !string.IsNullOrEmpty(ids.PaymentRequestId),
        };
    }

    private static bool Owns(PaymentRecord r, string clientId) => r.Merchant is null || r.Merchant == clientId;

    private static AntomResult Failure(string code, string message) => new(code, "F", message);

    private static AntomResult NotExist() => Failure("ORDER_NOT_EXIST", "The order does not exist.");

    private static InquiryPaymentResponse EmptyInquiry(AntomResult result) =>
        new(result, null, null, null, null, null, null, null, null, null, null);

    private static byte[] ResultOnly(string api, AntomResult result) => api switch
    {
        FaultKinds.Cancel => SimJson.Serialize(new CancelResponse(result, null, null, null)),
        FaultKinds.InquiryPayment => SimJson.Serialize(EmptyInquiry(result)),
        FaultKinds.Refund => SimJson.Serialize(RefundResult(result)),
        _ => SimJson.Serialize(new InquiryRefundResponse(result, null, null, null, null, null)),
    };

    /// <summary>The path exactly as the client sent (and signed) it.</summary>
    private static string RequestPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return !string.IsNullOrEmpty(raw) && raw.StartsWith('/')
            ? raw
            : context.Request.PathBase.Add(context.Request.Path).ToUriComponent() + context.Request.QueryString.ToUriComponent();
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private sealed record Call(HttpContext Context, string Api, bool Sandbox, string Path, string ClientId, byte[] Body);

    private sealed record Ids(
        string? PaymentId,
        string? PaymentRequestId,
        string? RefundId,
        string? RefundRequestId,
        AntomAmount? RefundAmount = null,
        string? RefundReason = null,
        string? ReferenceRefundId = null,
        string? RefundNotifyUrl = null);

    /// <summary>A notification to start once the payment's lock is released.</summary>
    private sealed record PendingNotification(PaymentEntry Entry, DeliveryState Delivery, byte[] Body);
}
