using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>Tells the booking service what happened, at the callback URL it gave. Retried by Temporal with backoff;
/// the workflow never waits on it for its own progress.</summary>
public sealed class CallerActivities(IHttpClientFactory httpClients, ILogger<CallerActivities> logger)
{
    public const string HttpClientName = "caller-callback";

    [Activity("NotifyCaller")]
    public async Task NotifyCallerAsync(string callbackUrl, CallerNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl) { Content = JsonContent.Create(notice) };
        request.Headers.Add("Idempotency-Key", $"{notice.WorkflowId}/{notice.Event}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ActivityExecutionContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApplicationFailureException($"Callback answered {(int)response.StatusCode}", "CallbackRejected");
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ActivityExecutionContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new ApplicationFailureException($"Callback unreachable: {e.Message}", "CallbackUnreachable");
        }

        logger.LogInformation("Callback {Event} delivered for {WorkflowId}", notice.Event, notice.WorkflowId);
    }
}
