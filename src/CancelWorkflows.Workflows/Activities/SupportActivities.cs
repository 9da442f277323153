using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>Opens (and re-notifies) a support case for an escalated cancellation (A4) through a webhook.
/// Idempotent: the <c>Idempotency-Key</c> header is the workflow id plus the notice number, so Temporal's retries
/// of the same notice never open a second case.</summary>
public sealed class SupportActivities(IHttpClientFactory httpClients, IOptions<SupportOptions> options, ILogger<SupportActivities> logger)
{
    public const string HttpClientName = "support-webhook";

    [Activity("EscalateToSupport")]
    public async Task<EscalationReceipt> EscalateAsync(EscalationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            logger.LogWarning(
                "ESCALATION (no Support:WebhookUrl configured) {WorkflowId} notice {Notice}: {Reason}; {Link}",
                notice.WorkflowId, notice.NoticeNumber, notice.Reason, notice.TemporalWebUrl);
            return new(false, null, "no support webhook configured: logged only");
        }

        var key = $"{notice.WorkflowId}/{notice.NoticeNumber}";
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl) { Content = JsonContent.Create(notice) };
        request.Headers.Add("Idempotency-Key", key);
        if (!string.IsNullOrEmpty(settings.WebhookToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.WebhookToken);
        }

        var http = httpClients.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ActivityExecutionContext.Current.CancellationToken);
        timeout.CancelAfter(settings.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ActivityExecutionContext.Current.CancellationToken.IsCancellationRequested)
        {
            // Retryable: Temporal's retry policy keeps trying; the idempotency key makes retries safe.
            throw new ApplicationFailureException($"Support webhook unreachable: {e.Message}", "SupportWebhookUnreachable");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ActivityExecutionContext.Current.CancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApplicationFailureException(
                    $"Support webhook answered {(int)response.StatusCode}", "SupportWebhookRejected");
            }

            logger.LogWarning("ESCALATION delivered {WorkflowId} notice {Notice} ({Status})", notice.WorkflowId, notice.NoticeNumber, (int)response.StatusCode);
            return new(true, response.Headers.TryGetValues("X-Case-Id", out var ids) ? ids.FirstOrDefault() : key, $"HTTP {(int)response.StatusCode} {Truncate(body)}");
        }
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200];
}
