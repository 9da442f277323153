using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CancelWorkflows.Workflows.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>Opens (and re-notifies) a support case for an escalated cancellation (A4) through a webhook.
/// Idempotent: the <c>Idempotency-Key</c> header is the workflow id plus the notice number, so Temporal's retries
/// of the same notice never open a second case. The webhook is called as the outbound policy allows (private network
/// only with <c>Support:AllowPrivateNetwork</c>); a refused one is a non-retried <see cref="RefusedErrorType"/>.</summary>
public sealed class SupportActivities(
    IHttpClientFactory httpClients,
    IOptions<SupportOptions> options,
    ILogger<SupportActivities> logger,
    IOptions<OutboundOptions>? outbound = null)
{
    public const string HttpClientName = "support-webhook";

    public const string RefusedErrorType = "SupportWebhookRefused";

    [Activity("EscalateToSupport")]
    public async Task<EscalationReceipt> EscalateAsync(EscalationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var settings = options.Value;
        var limits = outbound?.Value ?? new OutboundOptions();
        if (string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            logger.LogWarning(
                "ESCALATION (no Support:WebhookUrl configured) {WorkflowId} notice {Notice}: {Reason}; {Link}",
                notice.WorkflowId, notice.NoticeNumber, notice.Reason, notice.TemporalWebUrl);
            return new(false, null, "no support webhook configured: logged only");
        }

        if (OutboundUrl.Check(settings.WebhookUrl, new OutboundAllowance(limits.AllowLoopback, settings.AllowPrivateNetwork)) is { } refusal)
        {
            throw Refused(refusal, "Support:WebhookUrl");
        }

        var key = $"{notice.WorkflowId}/{notice.NoticeNumber}";
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl) { Content = JsonContent.Create(notice) };
        request.Headers.Add("Idempotency-Key", key);
        if (!string.IsNullOrEmpty(settings.WebhookToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.WebhookToken);
        }

        var http = httpClients.CreateClient(HttpClientName);
        var cancellation = ActivityExecutionContext.Current.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var (body, truncated) = await OutboundHttp.ReadCappedAsync(response.Content, limits.MaxResponseBytes, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                // Retryable, redirects included: an operator can fix the webhook while Temporal keeps trying.
                throw new ApplicationFailureException(
                    $"Support webhook answered {(int)response.StatusCode}", "SupportWebhookRejected");
            }

            logger.LogWarning("ESCALATION delivered {WorkflowId} notice {Notice} ({Status})", notice.WorkflowId, notice.NoticeNumber, (int)response.StatusCode);
            var text = Encoding.UTF8.GetString(body);
            return new(
                true,
                response.Headers.TryGetValues("X-Case-Id", out var ids) ? ids.FirstOrDefault() : key,
                $"HTTP {(int)response.StatusCode} {Truncate(text)}{(truncated ? "…" : string.Empty)}");
        }
        catch (HttpRequestException e) when (OutboundAddressRefusedException.Find(e) is { } refused)
        {
            throw Refused(refused.Refusal, refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            // Retryable: Temporal's retry policy keeps trying; the idempotency key makes retries safe.
            throw new ApplicationFailureException(
                $"Support webhook unreachable: {(e is HttpRequestException h ? CallerActivities.Describe(h.HttpRequestError) : $"no answer within {settings.Timeout}")}",
                "SupportWebhookUnreachable");
        }
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200];

    private ApplicationFailureException Refused(OutboundRefusal refusal, string why)
    {
        logger.LogError(
            "Support webhook refused by the outbound policy ({Reason}): {Why}. Check Support:WebhookUrl, and Support:AllowPrivateNetwork for an internal support tool",
            refusal.Reason, why);
        OutboundMetrics.CountRefused(OutboundMetrics.SupportTarget, refusal);
        return new ApplicationFailureException($"Support webhook refused: {refusal.Message}", RefusedErrorType, nonRetryable: true);
    }
}
