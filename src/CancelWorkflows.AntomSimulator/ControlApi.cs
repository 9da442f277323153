using System.Text.Json;
using CancelWorkflows.Antom.Wire;
using Microsoft.AspNetCore.Http;

namespace CancelWorkflows.AntomSimulator;

/// <summary>
/// The control API under <c>/sim/v1</c> (docs/design.md, "Simulator"). JSON camelCase. Bad input answers 400
/// <c>application/problem+json</c> with the reason in <c>detail</c>, and changes nothing; an unknown payment 404; a
/// request that contradicts the payment's state (e.g. a SUCCESS notification for a FAIL payment) 409.
/// </summary>
internal sealed class ControlApi(PaymentBook book, SimulatorKeys keys, SimulatorClock clock, NotificationSender sender, SimulatorOptions options)
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxIdLength = 64;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public IResult ListPayments()
    {
        var now = clock.GetUtcNow();
        return Results.Json(book.All().Select(e => e.View(now)).ToList(), Json);
    }

    public IResult GetPayment(string paymentRequestId) =>
        book.Find(paymentRequestId) is { } entry ? Results.Json(entry.View(clock.GetUtcNow()), Json) : UnknownPayment(paymentRequestId);

    public async Task<IResult> PutPaymentAsync(HttpContext context, string paymentRequestId)
    {
        if (BadId(paymentRequestId, "paymentRequestId") is { } badId)
        {
            return badId;
        }

        var (input, error) = await ReadJsonAsync<SimPaymentInput>(context);
        if (error is not null)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var reason = Validate(input!, now, out var createTime, out var paymentTime, out var cancelTime);
        string? owner = null;
        reason ??= Owner(input!, out owner);
        if (reason is not null)
        {
            return BadRequest(reason);
        }

        var conflict = book.Put(paymentRequestId, input!.PaymentId, now, paymentId =>
        {
            var record = new PaymentRecord
            {
                PaymentRequestId = paymentRequestId,
                PaymentId = paymentId,
                Merchant = owner,
                PaymentMethodType = input.PaymentMethodType!,
                Status = input.PaymentStatus!,
                Amount = input.PaymentAmount!,
                CreateTime = createTime,
                PaymentTime = paymentTime,
                Captured = input.Captured,
                Refunded = input.Refunded,
                CancelTime = cancelTime,
                RefundMode = input.RefundMode ?? SimRefundModes.Sync,
            };
            return input.Refunded ? record.WithRefund(AntomGateway.NewRefund(record, paymentTime ?? createTime, SimRefundReasons.Merchant)) : record;
        }, out var entry);
        return conflict is not null ? BadRequest(conflict) : Results.Json(entry!.View(now), Json);
    }

    public async Task<IResult> QueueFaultsAsync(HttpContext context, string paymentRequestId)
    {
        var body = await BodyReader.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return TooLarge();
        }

        var faults = new List<SimFault>();
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            IEnumerable<JsonElement> items = root.ValueKind switch
            {
                JsonValueKind.Object => [root],
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                _ => [],
            };
            if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return BadRequest("The body must be one fault object or an array of them.");
            }

            foreach (var item in items)
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return BadRequest($"Fault #{faults.Count + 1} is not an object.");
                }

                var (fault, reason) = Normalise(item.Deserialize<SimFault>(Json)!, faults.Count + 1);
                if (reason is not null)
                {
                    return BadRequest(reason);
                }

                faults.Add(fault!);
            }
        }
        catch (JsonException e)
        {
            return BadRequest($"Malformed JSON: {e.Message}");
        }

        if (faults.Count == 0)
        {
            return BadRequest("No fault given.");
        }

        if (book.Find(paymentRequestId) is not { } entry)
        {
            return UnknownPayment(paymentRequestId);
        }

        lock (entry.Gate)
        {
            entry.Faults.AddRange(faults.Select(f => new QueuedFault(f)));
        }

        return Results.Json(entry.View(clock.GetUtcNow()), Json);
    }

    public IResult ClearFaults(string paymentRequestId)
    {
        if (book.Find(paymentRequestId) is not { } entry)
        {
            return UnknownPayment(paymentRequestId);
        }

        lock (entry.Gate)
        {
            entry.Faults.Clear();
        }

        return Results.Json(entry.View(clock.GetUtcNow()), Json);
    }

    public async Task<IResult> SendNotificationAsync(HttpContext context, string paymentRequestId)
    {
        var (request, error) = await ReadJsonAsync<SimNotificationRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var isPayment = request!.Type == "payment";
        if (!isPayment && request.Type != "refund")
        {
            return BadRequest($"type must be 'payment' or 'refund', not '{request.Type}'.");
        }

        if (request.Status is not ("SUCCESS" or "FAIL"))
        {
            return BadRequest($"status must be SUCCESS or FAIL, not '{request.Status}'.");
        }

        var notifyType = isPayment ? request.NotifyType ?? NotifyTypes.PaymentResult : NotifyTypes.RefundResult;
        if (isPayment && notifyType is not (NotifyTypes.PaymentResult or NotifyTypes.PaymentPending))
        {
            return BadRequest($"notifyType must be PAYMENT_RESULT or PAYMENT_PENDING, not '{notifyType}'.");
        }

        if (!isPayment && request.NotifyType is not null && request.NotifyType != NotifyTypes.RefundResult)
        {
            return BadRequest("A refund notification is always REFUND_RESULT.");
        }

        if (notifyType == NotifyTypes.PaymentPending && request.Status != "SUCCESS")
        {
            return BadRequest("PAYMENT_PENDING is sent with status SUCCESS (it means: processing).");
        }

        if (request.Url is not null && TargetUrl(request.Url) is null)
        {
            return BadRequest($"url must be an absolute http(s) URL, not '{request.Url}'.");
        }

        if (isPayment && request.Url is null && options.NotifyUrl is null)
        {
            return BadRequest("No url in the request and no Simulator:NotifyUrl configured.");
        }

        if (book.Find(paymentRequestId) is not { } entry)
        {
            return UnknownPayment(paymentRequestId);
        }

        var (status, problem, body, delivery) = book.Update(entry, r =>
        {
            var now = clock.GetUtcNow();
            var clientId = request.ClientId ?? r.Merchant ?? r.Calls.LastOrDefault(c => keys.IsTrusted(c.ClientId ?? string.Empty))?.ClientId
                ?? (keys.MerchantIds is [var first, ..] ? first : "SIMULATOR");
            var (next, conflict, notification, refundUrl) = isPayment
                ? PaymentNotification(r, request.Status, notifyType, now)
                : RefundNotification(r, request.Status, request.RefundRequestId, now);
            if (conflict is not null)
            {
                return (r, (409, conflict, (byte[]?)null, (DeliveryState?)null));
            }

            // A refund's notifyRefund goes where its request said (refundNotifyUrl wins over the Dashboard's URL, §4).
            var target = request.Url ?? refundUrl ?? options.NotifyUrl;
            if (TargetUrl(target) is not { } url)
            {
                return (r, (400, target is null ? "No url in the request, none in the refund request and no Simulator:NotifyUrl configured." : $"url must be an absolute http(s) URL, not '{target}'.", (byte[]?)null, (DeliveryState?)null));
            }

            var d = new DeliveryState(request.Type!, notifyType, isPayment ? StatusOf(request.Status, notifyType) : request.Status == "SUCCESS" ? "S" : "F", url, clientId, DateTimeOffset.UtcNow);
            entry.Deliveries.Add(d); // under the payment's lock (Update holds it)
            return (next, (202, (string?)null, notification, d));
        });

        if (problem is not null)
        {
            return status == 409
                ? Results.Problem(statusCode: 409, title: "Conflicts with the payment's state", detail: problem)
                : BadRequest(problem);
        }

        sender.Start(entry, delivery!, body!);
        SimDelivery view;
        lock (entry.Gate)
        {
            view = delivery!.View();
        }

        return Results.Json(view, Json, statusCode: 202);
    }

    public IResult GetDeliveries(string paymentRequestId)
    {
        if (book.Find(paymentRequestId) is not { } entry)
        {
            return UnknownPayment(paymentRequestId);
        }

        lock (entry.Gate)
        {
            return Results.Json(entry.Deliveries.Select(d => d.View()).ToList(), Json);
        }
    }

    public IResult GetClock() => Results.Json(new SimClock(clock.GetUtcNow(), clock.IsFixed), Json);

    public async Task<IResult> SetClockAsync(HttpContext context)
    {
        var (input, error) = await ReadJsonAsync<SimClock>(context);
        if (error is not null)
        {
            return error;
        }

        if (input!.Now is not { } now)
        {
            return BadRequest("now is required (ISO 8601 with an offset, e.g. 2026-03-01T10:00:00+08:00).");
        }

        clock.Set(now);
        return GetClock();
    }

    public IResult ResetClock()
    {
        clock.Reset();
        return GetClock();
    }

    public IResult ListMerchants() => Results.Json(keys.MerchantIds, Json);

    public async Task<IResult> PutMerchantAsync(HttpContext context, string clientId)
    {
        if (BadClientId(clientId))
        {
            return BadRequest("clientId must be 1–128 characters without spaces.");
        }

        var (input, error) = await ReadJsonAsync<SimMerchantKey>(context);
        if (error is not null)
        {
            return error;
        }

        var reason = keys.Register(clientId, input!.PublicKeyPem ?? string.Empty);
        return reason is null ? Results.Json(new { clientId, trusted = true }, Json) : BadRequest($"publicKeyPem: {reason}");
    }

    public IResult AntomPublicKey() => Results.Text(keys.AntomPublicPem, "text/plain; charset=utf-8");

    private static (PaymentRecord Next, string? Problem, byte[]? Body, string? RefundUrl) PaymentNotification(PaymentRecord r, string status, string notifyType, DateTimeOffset now)
    {
        var current = SimCancelRules.EffectiveStatus(r, now);
        var unpaid = SimCancelRules.IsUnpaid(current);
        var next = r;
        if (notifyType == NotifyTypes.PaymentPending)
        {
            if (!unpaid)
            {
                return (r, $"PAYMENT_PENDING is for an unpaid payment; this one is {current}.", null, null);
            }
        }
        else if (status == "SUCCESS")
        {
            switch (current)
            {
                case SimStatuses.Cancelled:
                    // C4/C5: the buyer paid after the cancel. The payment stays CANCELLED and is refunded in full — once.
                    next = r with { PaymentTime = r.PaymentTime ?? now };
                    if (!r.Refunds.Any(f => f.Reason is SimRefundReasons.Cancel or SimRefundReasons.PaidAfterCancel))
                    {
                        next = next.WithRefund(AntomGateway.NewRefund(r, now, SimRefundReasons.PaidAfterCancel));
                    }

                    break;
                case SimStatuses.Success:
                    break; // a repeated notification
                case SimStatuses.Fail:
                    return (r, "The payment is FAIL (closed or expired); a SUCCESS notification would contradict it.", null, null);
                default:
                    next = r with { Status = SimStatuses.Success, PaymentTime = now };
                    break;
            }
        }
        else
        {
            if (current == SimStatuses.Success)
            {
                return (r, "The payment is SUCCESS; a FAIL notification would contradict it.", null, null);
            }

            if (unpaid)
            {
                next = r with { Status = SimStatuses.Fail, PaymentTime = now };
            }
        }

        var result = notifyType == NotifyTypes.PaymentPending ? new AntomResult("PAYMENT_IN_PROCESS", "S", "The payment is being processed.")
            : status == "SUCCESS" ? AntomResult.Success
            : new AntomResult("ORDER_IS_CLOSED", "F", "The payment is closed.");
        var body = SimJson.Serialize(new PaymentNotification(
            notifyType,
            result,
            next.PaymentRequestId,
            next.PaymentId,
            next.Amount,
            AntomTime.Format(next.CreateTime),
            AntomTime.Format(next.PaymentTime),
            next.PaymentMethodType));
        return (next, null, body, null);
    }

    private static (PaymentRecord Next, string? Problem, byte[]? Body, string? RefundUrl) RefundNotification(PaymentRecord r, string status, string? refundRequestId, DateTimeOffset now)
    {
        var refund = refundRequestId is null ? (r.Refunds.Count > 0 ? r.Refunds[^1] : null) : r.Refunds.LastOrDefault(f => f.RefundRequestId == refundRequestId);
        if (refund is null)
        {
            return (r, refundRequestId is null ? "The payment has no refund to report." : $"The payment has no refund '{refundRequestId}'.", null, null);
        }

        // A final refund stays what it is: a repeat is a re-sent notification, the opposite would rewrite history.
        if (refund.RefundStatus != SimRefundStatuses.Processing && refund.RefundStatus != status)
        {
            return (r, $"Refund '{refund.RefundRequestId}' is {refund.RefundStatus}; a {status} notification would contradict it.", null, null);
        }

        var updated = status == "SUCCESS"
            ? refund with { RefundStatus = SimRefundStatuses.Success, RefundTime = refund.RefundTime ?? now }
            : refund with { RefundStatus = SimRefundStatuses.Fail, RefundTime = null };
        var next = r with { Refunds = [.. r.Refunds.Select(f => ReferenceEquals(f, refund) ? updated : f)] };
        return (next, null, SimNotifications.RefundBody(r, updated), refund.NotifyUrl);
    }

    /// <summary>An absolute http(s) URL, or null.</summary>
    public static Uri? TargetUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    private static string StatusOf(string status, string notifyType) =>
        notifyType == NotifyTypes.PaymentPending || status == "SUCCESS" ? "S" : "F";

    private static string? Validate(SimPaymentInput input, DateTimeOffset now, out DateTimeOffset createTime, out DateTimeOffset? paymentTime, out DateTimeOffset? cancelTime)
    {
        createTime = input.CreateTime ?? now;
        paymentTime = input.PaymentTime ?? (input.PaymentStatus == SimStatuses.Success ? createTime : null);
        cancelTime = input.PaymentStatus == SimStatuses.Cancelled ? input.CancelTime ?? now : null;
        if (input.PaymentStatus is null)
        {
            return $"paymentStatus is required: one of {string.Join(", ", SimStatuses.All)}.";
        }

        if (!SimStatuses.All.Contains(input.PaymentStatus))
        {
            return $"paymentStatus '{input.PaymentStatus}' is not one of {string.Join(", ", SimStatuses.All)}.";
        }

        if (string.IsNullOrWhiteSpace(input.PaymentMethodType) || input.PaymentMethodType.Length > MaxIdLength)
        {
            return "paymentMethodType is required (e.g. CARD, ALIPAY_CN, DANA, MERCADOPAGO_BR), at most 64 characters.";
        }

        if (input.PaymentAmount is null)
        {
            return "paymentAmount {currency, value} is required.";
        }

        if (input.PaymentAmount.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            return "paymentAmount.currency must be an ISO 4217 code such as USD.";
        }

        if (string.IsNullOrEmpty(input.PaymentAmount.Value) || input.PaymentAmount.Value.Length > 18 || !input.PaymentAmount.Value.All(char.IsAsciiDigit))
        {
            return "paymentAmount.value must be a string of digits (minor units), e.g. \"1000\".";
        }

        if (input.PaymentId is { } id && (id.Length == 0 || id.Length > MaxIdLength || id.Any(char.IsWhiteSpace)))
        {
            return "paymentId must be 1–64 characters without spaces.";
        }

        if (input.RefundMode is { } mode && !SimRefundModes.All.Contains(mode))
        {
            return $"refundMode '{mode}' is not one of {string.Join(", ", SimRefundModes.All)}.";
        }

        if (paymentTime < createTime)
        {
            return "paymentTime is before createTime.";
        }

        if (input.CancelTime is not null && input.PaymentStatus != SimStatuses.Cancelled)
        {
            return "cancelTime is only for a CANCELLED payment.";
        }

        if ((input.Captured || input.Refunded) && input.PaymentStatus != SimStatuses.Success)
        {
            return "captured and refunded only apply to a SUCCESS payment.";
        }

        return null;
    }

    /// <summary>The merchant the payment belongs to: its clientId (or the older merchant), else the simulator's default.</summary>
    private string? Owner(SimPaymentInput input, out string? owner)
    {
        owner = null;
        foreach (var (name, value) in new[] { ("clientId", input.ClientId), ("merchant", input.Merchant) })
        {
            if (value is not null && BadClientId(value))
            {
                return $"{name} must be a client id of 1–128 characters without spaces.";
            }
        }

        if (input.ClientId is not null && input.Merchant is not null && input.ClientId != input.Merchant)
        {
            return "clientId and merchant (its earlier name) name different merchants; give one.";
        }

        owner = input.ClientId ?? input.Merchant ?? DefaultClientId(options);
        return owner is null
            ? $"clientId is required: the simulator trusts {options.Merchants.Count} configured merchants and has no Simulator:DefaultClientId."
            : null;
    }

    /// <summary>The merchant of a payment created without clientId: <c>Simulator:DefaultClientId</c>, else the one configured
    /// merchant (dev mode's), else none.</summary>
    public static string? DefaultClientId(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DefaultClientId ?? (options.Merchants.Count == 1 ? options.Merchants.Keys.First() : null);
    }

    public static bool BadClientId(string clientId) =>
        string.IsNullOrWhiteSpace(clientId) || clientId.Length > 128 || clientId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static (SimFault? Fault, string? Reason) Normalise(SimFault fault, int index)
    {
        var at = $"Fault #{index}: ";
        var kind = FaultKinds.Kinds.FirstOrDefault(k => string.Equals(k, fault.Kind, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            return (null, $"{at}kind '{fault.Kind}' is not one of {string.Join(", ", FaultKinds.Kinds)}.");
        }

        var api = fault.Api is null ? FaultKinds.Cancel : FaultKinds.Apis.FirstOrDefault(a => string.Equals(a, fault.Api, StringComparison.OrdinalIgnoreCase));
        if (api is null)
        {
            return (null, $"{at}api '{fault.Api}' is not one of {string.Join(", ", FaultKinds.Apis)}.");
        }

        var count = fault.Count ?? 1;
        if (count < 1 || count > FaultKinds.MaxCount)
        {
            return (null, $"{at}count must be 1–{FaultKinds.MaxCount}.");
        }

        if (kind == FaultKinds.F && (string.IsNullOrWhiteSpace(fault.ResultCode) || fault.ResultCode.Length > MaxIdLength))
        {
            return (null, $"{at}kind F needs a resultCode, e.g. PROCESS_FAIL.");
        }

        if (kind == FaultKinds.U && fault.ResultCode is { } uCode && (string.IsNullOrWhiteSpace(uCode) || uCode.Length > MaxIdLength))
        {
            return (null, $"{at}kind U takes an optional resultCode, e.g. CANCEL_WINDOW_EXCEED (default UNKNOWN_EXCEPTION).");
        }

        if (kind is not (FaultKinds.F or FaultKinds.U) && fault.ResultCode is not null)
        {
            return (null, $"{at}resultCode only applies to kinds F and U.");
        }

        if (kind == FaultKinds.Delay && fault.DelayMs is not (>= 0 and <= FaultKinds.MaxDelayMs))
        {
            return (null, $"{at}kind delay needs delayMs between 0 and {FaultKinds.MaxDelayMs}.");
        }

        if (kind != FaultKinds.Delay && fault.DelayMs is not null)
        {
            return (null, $"{at}delayMs only applies to kind delay.");
        }

        if (fault.ProcessFirst == true && kind is not (FaultKinds.Http500 or FaultKinds.Drop))
        {
            return (null, $"{at}processFirst only applies to http500 and drop.");
        }

        return (fault with { Kind = kind, Api = api, Count = count }, null);
    }

    private static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpContext context)
        where T : class
    {
        var body = await BodyReader.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return (null, TooLarge());
        }

        if (body.Length == 0)
        {
            return (null, BadRequest("A JSON body is required."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Json);
            return value is null ? (null, BadRequest("The body is JSON null; an object is required.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"Malformed JSON: {e.Message}"));
        }
    }

    private static IResult? BadId(string value, string name) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl)
            ? BadRequest($"{name} must be 1–64 characters.")
            : null;

    private static IResult BadRequest(string detail) => Results.Problem(statusCode: 400, title: "Bad request", detail: detail);

    private static IResult TooLarge() => Results.Problem(statusCode: 413, title: "Body too large", detail: $"Control bodies are limited to {MaxBodyBytes} bytes.");

    private static IResult UnknownPayment(string paymentRequestId) =>
        Results.Problem(statusCode: 404, title: "Unknown payment", detail: $"No payment '{paymentRequestId}' (create it with PUT /sim/v1/payments/{{paymentRequestId}}).");
}
