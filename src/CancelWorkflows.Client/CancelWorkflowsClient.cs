using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>
/// Typed client of the CancelWorkflows HTTP API: start a cancellation, read its status, wait for its outcome, list
/// cancellations, resolve an escalation. Errors are typed: <see cref="CancelWorkflowsApiException"/> (4xx, with the
/// RFC 7807 problem and field errors), <see cref="CancelWorkflowsAuthenticationException"/> (401),
/// <see cref="CancelWorkflowsForbiddenException"/> (403), <see cref="CancelWorkflowsRateLimitedException"/> (429 after the
/// client's own retries) and <see cref="CancelWorkflowsUnavailableException"/> (unreachable, timeout, 5xx). Thread-safe;
/// make one and reuse it.
/// </summary>
public sealed partial class CancelWorkflowsClient : IDisposable
{
    /// <summary>The longest <c>?wait</c> the service accepts.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private const string CancellationsPath = "v1/cancellations";

    /// <summary>A 429 that asks for a longer pause than this is not retried here: the caller decides.</summary>
    private static readonly TimeSpan LongestRateLimitPause = TimeSpan.FromSeconds(30);

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly Uri baseAddress;
    private readonly AuthenticationHeaderValue authorization;
    private readonly TimeSpan pollInterval;
    private readonly int rateLimitRetries;

    /// <summary>A client with its own <see cref="HttpClient"/>, e.g. <c>new(new Uri("http://127.0.0.1:5080"), apiKey)</c>.</summary>
    public CancelWorkflowsClient(Uri baseAddress, string apiKey)
        : this(new CancelWorkflowsClientOptions { BaseAddress = baseAddress, ApiKey = apiKey })
    {
    }

    /// <summary>A client with its own <see cref="HttpClient"/> (disposed with this client).</summary>
    public CancelWorkflowsClient(CancelWorkflowsClientOptions options)
#pragma warning disable CA2000 // Owned: disposed in Dispose.
        : this(new HttpClient(), options, ownsHttp: true)
#pragma warning restore CA2000
    {
    }

    /// <summary>A client over a given <see cref="HttpClient"/> (e.g. from <c>IHttpClientFactory</c>; not disposed here).
    /// <see cref="CancelWorkflowsClientOptions.BaseAddress"/> wins over the client's own base address.</summary>
    public CancelWorkflowsClient(HttpClient httpClient, CancelWorkflowsClientOptions options)
        : this(httpClient, options, ownsHttp: false)
    {
    }

    private CancelWorkflowsClient(HttpClient httpClient, CancelWorkflowsClientOptions options, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var address = options.BaseAddress ?? httpClient.BaseAddress
            ?? throw new ArgumentException("Set CancelWorkflowsClientOptions.BaseAddress (or the HttpClient's BaseAddress).", nameof(options));
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base address must be absolute: {address}", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("Set CancelWorkflowsClientOptions.ApiKey.", nameof(options));
        }

        http = httpClient;
        this.ownsHttp = ownsHttp;
        baseAddress = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey.Trim());
        pollInterval = options.PollInterval > TimeSpan.Zero ? options.PollInterval : TimeSpan.FromSeconds(1);
        rateLimitRetries = Math.Max(0, options.RateLimitRetries);
    }

    /// <summary>The service's base address (always ending in <c>/</c>).</summary>
    public Uri BaseAddress => baseAddress;

    /// <summary>
    /// Starts the cancellation of one payment, or returns the one that exists (one workflow per payment).
    /// </summary>
    /// <param name="request">The payment and why.</param>
    /// <param name="idempotencyKey">Optional <c>Idempotency-Key</c>: a retry with the same key and body gets the first answer
    /// (<see cref="StartCancellationResult.Created"/> included); the same key with a different body is refused (422).</param>
    /// <param name="wait">Optional: wait up to this long (at most 60 s) for the outcome; <see cref="StartCancellationResult.Outcome"/>
    /// is set when it came in time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<StartCancellationResult> StartAsync(
        StartCancellationRequest request,
        string? idempotencyKey = null,
        TimeSpan? wait = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = CancellationsPath;
        if (wait is { } w)
        {
            if (w < TimeSpan.Zero || w > MaxWait)
            {
                throw new ArgumentOutOfRangeException(nameof(wait), w, $"wait must be between 0 and {MaxWait.TotalSeconds} seconds.");
            }

            path += "?wait=" + ((int)Math.Ceiling(w.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        using var message = NewRequest(HttpMethod.Post, path);
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        if (!string.IsNullOrWhiteSpace(idempotencyKey))
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await SendAsync(message, cancellationToken);
        var body = await ReadAsync<StartCancellationResult>(response, cancellationToken);
        return body with { HttpStatus = (int)response.StatusCode };
    }

    /// <summary>The status of the cancellation of this payment (by the merchant's <c>paymentRequestId</c>); null when there is none.</summary>
    public Task<CancellationStatus?> GetAsync(string paymentRequestId, CancellationToken cancellationToken = default) =>
        GetStatusAsync(StatusPath(paymentRequestId), cancellationToken);

    /// <summary>The status of a cancellation started with Antom's <c>paymentId</c> only; null when there is none.</summary>
    public Task<CancellationStatus?> GetByPaymentIdAsync(string paymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentId);
        return GetStatusAsync($"{CancellationsPath}/{Uri.EscapeDataString(paymentId)}?by=paymentId", cancellationToken);
    }

    /// <summary>
    /// Follows one cancellation until its outcome is known (<c>Escalated</c> counts: support takes over) or
    /// <paramref name="timeout"/> passes. Returns the first status with an outcome, or the last one seen (outcome null) at the
    /// timeout. <paramref name="progress"/> hears every status that differs from the previous one.
    /// </summary>
    /// <exception cref="CancelWorkflowsApiException">404 when there is no cancellation for this payment.</exception>
    public async Task<CancellationStatus> WaitForOutcomeAsync(
        string paymentRequestId,
        TimeSpan timeout,
        IProgress<CancellationStatus>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var path = StatusPath(paymentRequestId);
        var deadline = DateTimeOffset.UtcNow + timeout;
        CancellationStatus? last = null;
        while (true)
        {
            var status = await GetStatusAsync(path, cancellationToken)
                ?? throw new CancelWorkflowsApiException(404, new CancelWorkflowsProblem
                {
                    Status = 404,
                    Title = "No cancellation for this payment",
                    Detail = $"There is no cancellation for {paymentRequestId}.",
                });
            if (last is null || Changed(last, status))
            {
                progress?.Report(status);
            }

            last = status;
            var left = deadline - DateTimeOffset.UtcNow;
            if (status.Outcome is not null || left <= TimeSpan.Zero)
            {
                return status;
            }

            await Task.Delay(left < pollInterval ? left : pollInterval, cancellationToken);
        }
    }

    /// <summary>One page of cancellations matching the filters (Temporal visibility; newest first).</summary>
    public async Task<CancellationPage> ListAsync(CancellationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var message = NewRequest(HttpMethod.Get, CancellationsPath + CancellationQueryString.Of(query));
        using var response = await SendAsync(message, cancellationToken);
        var page = await ReadAsync<CancellationPage>(response, cancellationToken);
        return page with { Items = page.Items ?? [], NextPageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken };
    }

    /// <summary>Every cancellation matching the filters, page after page (<see cref="CancellationQuery.PageToken"/> is the start).</summary>
    public async IAsyncEnumerable<CancellationSummary> ListAllAsync(
        CancellationQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var next = query;
        while (true)
        {
            var page = await ListAsync(next, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.NextPageToken is null)
            {
                yield break;
            }

            next = next with { PageToken = page.NextPageToken };
        }
    }

    /// <summary>
    /// Support's resolution of an escalated cancellation. 404 when there is no cancellation, 409 when it is not waiting for
    /// a resolution (not escalated, or already resolved).
    /// </summary>
    public async Task<ResolveEscalationResult> ResolveAsync(
        string paymentRequestId,
        ResolveEscalationRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = NewRequest(HttpMethod.Post, StatusPath(paymentRequestId) + "/escalation/resolve");
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        using var response = await SendAsync(message, cancellationToken);
        return await ReadAsync<ResolveEscalationResult>(response, cancellationToken);
    }

    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private static string StatusPath(string paymentRequestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentRequestId);
        return $"{CancellationsPath}/{Uri.EscapeDataString(paymentRequestId)}";
    }

    private static bool Changed(CancellationStatus before, CancellationStatus now) =>
        before.Outcome != now.Outcome
        || before.Steps.Count != now.Steps.Count
        || before.Attempts.Count != now.Attempts.Count
        || before.Notifications.Count != now.Notifications.Count
        || before.Completed != now.Completed;

    private async Task<CancellationStatus?> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        using var message = NewRequest(HttpMethod.Get, path);
        using var response = await SendAsync(message, cancellationToken, notFoundIsAnswer: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<CancellationStatus>(response, cancellationToken);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relative)
    {
        var message = new HttpRequestMessage(method, new Uri(baseAddress, relative));
        message.Headers.Authorization = authorization;
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }

    /// <summary>
    /// Sends and turns every failure into a typed exception; returns only 2xx answers (and 404 when asked). A 429 is sent
    /// again after its <c>Retry-After</c>, up to <see cref="CancelWorkflowsClientOptions.RateLimitRetries"/> times: the
    /// service did nothing with it, so resending is safe for every request, starts included.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken, bool notFoundIsAnswer = false)
    {
        var response = await SendOnceAsync(message, cancellationToken);
        for (var retry = 0; response.StatusCode == HttpStatusCode.TooManyRequests && retry < rateLimitRetries; retry++)
        {
            if (RetryAfter(response) is not { } pause || pause > LongestRateLimitPause)
            {
                break;
            }

            response.Dispose();
            await Task.Delay(pause, cancellationToken);
            var again = Resend(message);
            try
            {
                response = await SendOnceAsync(again, cancellationToken);
            }
            finally
            {
                again.Content = null; // The original owns the content.
                again.Dispose();
            }
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode || (notFoundIsAnswer && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            var problem = await ReadProblemAsync(response, cancellationToken);
            throw status switch
            {
                401 => new CancelWorkflowsAuthenticationException(problem),
                403 => new CancelWorkflowsForbiddenException(problem),
                429 => new CancelWorkflowsRateLimitedException(problem, RetryAfter(response)),
                >= 500 => new CancelWorkflowsUnavailableException(status, problem),
                _ => new CancelWorkflowsApiException(status, problem),
            };
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CancelWorkflowsUnavailableException($"The CancelWorkflows service at {baseAddress} could not be reached: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CancelWorkflowsUnavailableException($"The CancelWorkflows service at {baseAddress} did not answer in time ({http.Timeout}).", e);
        }
    }

    /// <summary>The same request again (a message can be sent once); the content is shared, not copied.</summary>
    private static HttpRequestMessage Resend(HttpRequestMessage message)
    {
        var copy = new HttpRequestMessage(message.Method, message.RequestUri) { Content = message.Content, Version = message.Version };
        foreach (var (name, values) in message.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        return copy;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<CancelWorkflowsProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<CancelWorkflowsProblem>(text, ClientJson.Options);
        }
        catch (JsonException)
        {
            return new CancelWorkflowsProblem { Status = (int)response.StatusCode, Title = response.ReasonPhrase };
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken)
                ?? throw new CancelWorkflowsException($"The service at {baseAddress} answered {(int)response.StatusCode} without a body.");
        }
        catch (JsonException e)
        {
            throw new CancelWorkflowsException($"The service at {baseAddress} answered {(int)response.StatusCode} with a body this client cannot read: {e.Message}", e);
        }
    }
}
