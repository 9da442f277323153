using System.Net.Http.Headers;
using System.Text.Json;
using CancelWorkflows.Workflows.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Temporalio.Activities;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>Tells the booking service what happened, at the callback URL it gave, signed with that caller's secret
/// (<see cref="CallbackSignature"/>). Retried by Temporal with backoff; the workflow never waits on it for its own
/// progress. Every attempt carries the same <c>Idempotency-Key</c> (<c>&lt;workflowId&gt;/&lt;event&gt;</c>).
/// The URL is called only as the outbound policy allows (<see cref="OutboundUrl"/>, <see cref="OutboundConnector"/>): a
/// refused one fails at once, not retried (<see cref="RefusedErrorType"/>), and its failure names no address.</summary>
public sealed class CallerActivities(
    IHttpClientFactory httpClients,
    ILogger<CallerActivities> logger,
    IOptions<CallbackSigningOptions>? signing = null,
    ITemporalClient? temporal = null,
    TimeProvider? time = null,
    IOptions<OutboundOptions>? outbound = null)
{
    /// <summary>Public addresses only: callers without <c>CallbackHosts</c>.</summary>
    public const string HttpClientName = "caller-callback";

    /// <summary>Public and private-network addresses: callers whose <c>CallbackHosts</c> lists the host.</summary>
    public const string ListedHostsHttpClientName = "caller-callback-listed";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The URL may not be called (address, name, host list, user information); never retried.</summary>
    public const string RefusedErrorType = "CallbackRefused";

    public const string UnreachableErrorType = "CallbackUnreachable";

    public const string RejectedErrorType = "CallbackRejected";

    [Activity("NotifyCaller")]
    public async Task NotifyCallerAsync(string callbackUrl, CallerNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var context = ActivityExecutionContext.Current;
        var limits = outbound?.Value ?? new OutboundOptions();
        var caller = notice.RequestedBy ?? await RequestedByAsync(notice.WorkflowId, context.CancellationToken);
        var listedHosts = signing?.Value.CallbackHostsFor(caller);
        if (OutboundUrl.Check(callbackUrl, new OutboundAllowance(limits.AllowLoopback, PrivateNetwork: listedHosts is not null), listedHosts) is { } refusal)
        {
            throw Refused(notice, caller, refusal, $"the URL's host {SafeHost(callbackUrl)}");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(notice with { RequestedBy = caller }, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(IdempotencyKeyHeader, $"{notice.WorkflowId}/{notice.Event}");
        if (signing?.Value.SecretFor(caller) is { } secret)
        {
            request.Headers.Add(CallbackSignature.HeaderName, CallbackSignature.HeaderValue(secret, (time ?? TimeProvider.System).GetUtcNow(), body));
        }
        else
        {
            logger.LogWarning("Callback {Event} for {WorkflowId} goes unsigned: no Api:Callers:{Caller}:CallbackSecret", notice.Event, notice.WorkflowId, caller ?? "<unknown>");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(limits.CallbackTimeout);
        var http = httpClients.CreateClient(listedHosts is null ? HttpClientName : ListedHostsHttpClientName);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            _ = await OutboundHttp.ReadCappedAsync(response.Content, limits.MaxResponseBytes, timeout.Token);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                // A redirect names a URL nobody checked; following it is how a callback would be turned inward.
                throw new ApplicationFailureException(
                    $"callback answered {(int)response.StatusCode}: redirects are not followed", RejectedErrorType, nonRetryable: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ApplicationFailureException($"callback answered {(int)response.StatusCode}", RejectedErrorType);
            }
        }
        catch (HttpRequestException e) when (OutboundAddressRefusedException.Find(e) is { } refused)
        {
            throw Refused(notice, caller, refused.Refusal, refused.Message);
        }
        catch (HttpRequestException e)
        {
            // The error kind only: the exception's message may name the address it tried.
            throw new ApplicationFailureException($"callback unreachable: {Describe(e.HttpRequestError)}", UnreachableErrorType);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw new ApplicationFailureException($"callback unreachable: no answer within {limits.CallbackTimeout}", UnreachableErrorType);
        }

        logger.LogInformation("Callback {Event} delivered for {WorkflowId}", notice.Event, notice.WorkflowId);
    }

    /// <summary>How the failure is shown to the caller (status steps): the kind of error, no address.</summary>
    public static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "the host name does not resolve",
        HttpRequestError.ConnectionError => "the connection failed",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.ResponseEnded => "the connection closed before an answer",
        HttpRequestError.InvalidResponse => "the answer is not HTTP",
        _ => "the request failed",
    };

    private static string SafeHost(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "(not a URL)";

    private ApplicationFailureException Refused(CallerNotice notice, string? caller, OutboundRefusal refusal, string why)
    {
        logger.LogWarning(
            "Callback {Event} for {WorkflowId} (caller {Caller}) refused by the outbound policy ({Reason}): {Why}",
            notice.Event, notice.WorkflowId, caller ?? "<unknown>", refusal.Reason, why);
        OutboundMetrics.CountRefused(OutboundMetrics.CallbackTarget, refusal);
        return new ApplicationFailureException($"callback refused: {refusal.Message}", RefusedErrorType, nonRetryable: true);
    }

    /// <summary>
    /// The calling service recorded in the memo at start (the API writes it): of the notice's workflow, or, for a
    /// reconciliation started after its cancel workflow closed (<c>reconcile-&lt;id&gt;</c>), of that cancel workflow
    /// (<c>cancel-&lt;id&gt;</c>). Null when neither has it.
    /// </summary>
    private async Task<string?> RequestedByAsync(string workflowId, CancellationToken cancellationToken)
    {
        if (temporal is null)
        {
            return null;
        }

        const string reconciliationPrefix = "reconcile-";
        var candidates = workflowId.StartsWith(reconciliationPrefix, StringComparison.Ordinal)
            ? new[] { workflowId, "cancel-" + workflowId[reconciliationPrefix.Length..] }
            : [workflowId];
        foreach (var candidate in candidates)
        {
            try
            {
                var description = await temporal.GetWorkflowHandle(candidate)
                    .DescribeAsync(new() { Rpc = new RpcOptions { CancellationToken = cancellationToken } });
                if (description.Memo.TryGetValue(CallerMemo.RequestedByKey, out var raw))
                {
                    return await raw.ToValueAsync<string>();
                }
            }
            catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
            {
                // Gone (retention) or never there: try the next one.
            }
        }

        return null;
    }
}
