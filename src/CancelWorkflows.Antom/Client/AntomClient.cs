using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Antom.Client;

/// <summary>
/// Signed calls to Antom (docs/antom-api.md §1–§3, §5): cancel, inquiryPayment, refund, inquiryRefund. For each call: the path (sandbox-rewritten for <c>SANDBOX_</c> client
/// ids) and the exact body bytes are signed and sent; the answer is accepted only when it is HTTP 200, carries
/// <c>response-time</c> and <c>signature</c>, verifies over the raw bytes with Antom's public key, and parses with a
/// <c>result.resultStatus</c>. Anything else is a <see cref="NoAnswerReason"/>, never an exception, never S or F.
/// </summary>
/// <remarks>
/// No retries and no resilience handler belong here: a resend is a decision of the workflow (A3/A4) and must be visible
/// in its history. The deadline is ours (<see cref="AntomClientOptions.Timeout"/>); <see cref="HttpClient.Timeout"/>
/// should be infinite (AddAntomClient sets it), but if it fires first it is reported as a timeout too.
/// </remarks>
public sealed class AntomClient : IAntomClient
{
    private const int MaxDetailBodyChars = 200;

    private readonly HttpClient http;
    private readonly AntomClientOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<AntomClient> logger;
    private readonly AntomClientKeys keys;
    private readonly string gateway;

    /// <summary>Creates the client; loads (once per options instance) and checks both keys.</summary>
    /// <exception cref="AntomKeyException">A key is missing or unusable (the message names the setting only).</exception>
    public AntomClient(HttpClient http, IOptions<AntomClientOptions> options, TimeProvider time, ILogger<AntomClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.http = http;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        if (string.IsNullOrWhiteSpace(this.options.ClientId))
        {
            throw new ArgumentException("Antom:ClientId is required.", nameof(options));
        }

        if (!Uri.TryCreate(this.options.GatewayUrl, UriKind.Absolute, out _))
        {
            throw new ArgumentException("Antom:GatewayUrl must be an absolute URL.", nameof(options));
        }

        gateway = this.options.GatewayUrl.TrimEnd('/');
        keys = AntomClientKeys.For(this.options);
    }

    /// <inheritdoc />
    public Task<AntomCall<CancelResponse>> CancelAsync(CancelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(
            "cancel",
            AntomPaths.Cancel,
            AntomJson.Serialize(request with { MerchantAccountId = request.MerchantAccountId ?? options.MerchantAccountId }),
            Ids("paymentRequestId", request.PaymentRequestId, "paymentId", request.PaymentId),
            static (CancelResponse r) => r.Result,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AntomCall<InquiryPaymentResponse>> InquiryPaymentAsync(InquiryPaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(
            "inquiryPayment",
            AntomPaths.InquiryPayment,
            AntomJson.Serialize(request with { MerchantAccountId = request.MerchantAccountId ?? options.MerchantAccountId }),
            Ids("paymentRequestId", request.PaymentRequestId, "paymentId", request.PaymentId),
            static (InquiryPaymentResponse r) => r.Result,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AntomCall<RefundResponse>> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RefundRequestShape.Problem(request) is { } problem)
        {
            // Money moves here: a request Antom would refuse for its shape is our defect, and is never sent.
            throw new ArgumentException($"Refund request not sent: {problem}", nameof(request));
        }

        return SendAsync(
            "refund",
            AntomPaths.Refund,
            AntomJson.Serialize(request),
            Ids("refundRequestId", request.RefundRequestId, "paymentId", request.PaymentId),
            static (RefundResponse r) => r.Result,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AntomCall<InquiryRefundResponse>> InquiryRefundAsync(InquiryRefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(
            "inquiryRefund",
            AntomPaths.InquiryRefund,
            AntomJson.Serialize(request with { MerchantAccountId = request.MerchantAccountId ?? options.MerchantAccountId }),
            Ids("refundRequestId", request.RefundRequestId, "refundId", request.RefundId),
            static (InquiryRefundResponse r) => r.Result,
            cancellationToken);
    }

    private static string Ids(string name1, string? value1, string name2, string? value2) =>
        $"{name1}={value1 ?? "-"} {name2}={value2 ?? "-"}";

    private async Task<AntomCall<T>> SendAsync<T>(
        string operation,
        string productionPath,
        byte[] body,
        string ids,
        Func<T, AntomResult?> resultOf,
        CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = AntomPaths.ForClient(productionPath, options.ClientId);
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        AntomCall<T> call;
        try
        {
            call = await ExchangeAsync(path, body, resultOf, started, linked.Token);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation(
                "Antom {Operation} {Path} [{Ids}] abandoned: the caller cancelled after {ElapsedMs} ms (outcome unknown)",
                operation,
                path,
                ids,
                Ms(time.GetElapsedTime(started)));
            throw new OperationCanceledException("The caller cancelled the Antom call; its outcome is unknown.", e, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Our deadline, or HttpClient.Timeout if someone configured it shorter: either way nobody answered in time.
            call = AntomCall.Unanswered<T>(NoAnswerReason.Timeout, $"no complete answer within {options.Timeout}", null, time.GetElapsedTime(started));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
        {
            var status = e is HttpRequestException { StatusCode: { } code } ? (int?)code : null;
            call = AntomCall.Unanswered<T>(NoAnswerReason.ConnectionFailed, $"{e.GetType().Name}: {e.Message}", status, time.GetElapsedTime(started));
        }

        Log(operation, path, ids, call, resultOf);
        return call;
    }

    private async Task<AntomCall<T>> ExchangeAsync<T>(string path, byte[] body, Func<T, AntomResult?> resultOf, long started, CancellationToken token)
        where T : class
    {
        var requestTime = AntomSignature.RequestTime(time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway + path, UriKind.Absolute));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        request.Headers.TryAddWithoutValidation(AntomSignature.ClientIdHeader, options.ClientId);
        request.Headers.TryAddWithoutValidation(AntomSignature.RequestTimeHeader, requestTime);
        request.Headers.TryAddWithoutValidation(AntomSignature.HeaderName, keys.MerchantPrivate.SignHeader(path, options.ClientId, requestTime, body));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
        var raw = await response.Content.ReadAsByteArrayAsync(token);
        var status = (int)response.StatusCode;
        var elapsed = time.GetElapsedTime(started);

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return AntomCall.Unanswered<T>(NoAnswerReason.ServerError, $"HTTP {status} {response.ReasonPhrase}: {Excerpt(raw)}", status, elapsed);
        }

        var responseTime = Header(response, AntomSignature.ResponseTimeHeader);
        var signature = Header(response, AntomSignature.HeaderName);
        if (responseTime is null || signature is null)
        {
            var missing = responseTime is null && signature is null ? "response-time and signature headers"
                : responseTime is null ? "response-time header" : "signature header";
            return AntomCall.Unanswered<T>(NoAnswerReason.UnverifiableAnswer, $"answer without {missing}", status, elapsed);
        }

        if (!keys.VerifiedByAntom(path, options.ClientId, responseTime, raw, signature))
        {
            return AntomCall.Unanswered<T>(NoAnswerReason.UnverifiableAnswer, "answer signature does not verify with Antom's public key", status, elapsed);
        }

        T? answer;
        try
        {
            answer = AntomJson.Deserialize<T>(raw);
        }
        catch (JsonException e)
        {
            return AntomCall.Unanswered<T>(NoAnswerReason.Unparseable, $"signed answer is not the expected JSON ({raw.Length} bytes): {e.Message}", status, elapsed);
        }

        if (answer is null || resultOf(answer) is not { ResultStatus: { Length: > 0 } })
        {
            return AntomCall.Unanswered<T>(NoAnswerReason.Unparseable, $"signed answer has no result.resultStatus ({raw.Length} bytes)", status, elapsed);
        }

        return AntomCall.FromAnswer(answer, status, elapsed);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) : null;

    /// <summary>The start of a non-200 body (a gateway or proxy page), single line, for diagnosis.</summary>
    private static string Excerpt(byte[] raw)
    {
        if (raw.Length == 0)
        {
            return "(empty body)";
        }

        var text = Encoding.UTF8.GetString(raw, 0, Math.Min(raw.Length, MaxDetailBodyChars * 4));
        var oneLine = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        return oneLine.Length > MaxDetailBodyChars ? oneLine[..MaxDetailBodyChars] + "…" : oneLine;
    }

    private static long Ms(TimeSpan elapsed) => (long)elapsed.TotalMilliseconds;

    private void Log<T>(string operation, string path, string ids, AntomCall<T> call, Func<T, AntomResult?> resultOf)
        where T : class
    {
        if (call.Answered)
        {
            var result = resultOf(call.Answer);
            logger.Log(
                result?.ResultStatus == "U" ? LogLevel.Warning : LogLevel.Information,
                "Antom {Operation} {Path} [{Ids}] answered {ResultStatus} {ResultCode} (HTTP {HttpStatus}) in {ElapsedMs} ms",
                operation,
                path,
                ids,
                result?.ResultStatus,
                result?.ResultCode,
                call.HttpStatus,
                Ms(call.Elapsed));
        }
        else
        {
            logger.LogWarning(
                "Antom {Operation} {Path} [{Ids}] no answer: {NoAnswerReason} — {Detail} (HTTP {HttpStatus}) in {ElapsedMs} ms; outcome unknown",
                operation,
                path,
                ids,
                call.NoAnswer,
                call.Detail,
                call.HttpStatus,
                Ms(call.Elapsed));
        }
    }
}
