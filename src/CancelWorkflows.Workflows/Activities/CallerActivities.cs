using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Temporalio.Activities;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>Tells the booking service what happened, at the callback URL it gave, signed with that caller's secret
/// (<see cref="CallbackSignature"/>). Retried by Temporal with backoff; the workflow never waits on it for its own
/// progress. Every attempt carries the same <c>Idempotency-Key</c> (<c>&lt;workflowId&gt;/&lt;event&gt;</c>).</summary>
public sealed class CallerActivities(
    IHttpClientFactory httpClients,
    ILogger<CallerActivities> logger,
    IOptions<CallbackSigningOptions>? signing = null,
    ITemporalClient? temporal = null,
    TimeProvider? time = null)
{
    public const string HttpClientName = "caller-callback";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    [Activity("NotifyCaller")]
    public async Task NotifyCallerAsync(string callbackUrl, CallerNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var context = ActivityExecutionContext.Current;
        var caller = notice.RequestedBy ?? await RequestedByAsync(notice.WorkflowId, context.CancellationToken);
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
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApplicationFailureException($"Callback answered {(int)response.StatusCode}", "CallbackRejected");
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !context.CancellationToken.IsCancellationRequested)
        {
            throw new ApplicationFailureException($"Callback unreachable: {e.Message}", "CallbackUnreachable");
        }

        logger.LogInformation("Callback {Event} delivered for {WorkflowId}", notice.Event, notice.WorkflowId);
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
