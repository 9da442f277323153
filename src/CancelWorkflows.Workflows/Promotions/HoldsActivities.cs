using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Promotions;

/// <summary>Reads a promotion's unpaid holds from the booking service, one page per call. Transient failures are retried
/// by Temporal; a missing configuration, a 4xx, a page over <see cref="MaxPageBytes"/> or an address the outbound policy
/// refuses (private network only with <c>Promotions:HoldsSourceAllowPrivateNetwork</c>) is a non-retryable error an
/// engineer must fix.</summary>
public sealed class HoldsActivities(
    IHttpClientFactory httpClients,
    IOptions<HoldsSourceOptions> options,
    ILogger<HoldsActivities> logger,
    IOptions<OutboundOptions>? outbound = null)
{
    public const string HttpClientName = "holds-source";
    public const string NotConfiguredErrorType = "HoldsSourceNotConfigured";
    public const string RejectedErrorType = "HoldsSourceRejected";
    public const string RefusedErrorType = "HoldsSourceRefused";

    /// <summary>Largest page read (a page is an activity result: Temporal refuses payloads over 2 MiB).</summary>
    public const int MaxPageBytes = 1024 * 1024;

    [Activity("ListUnpaidHolds")]
    public async Task<HoldsPage> ListUnpaidHoldsAsync(HoldsPageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var limits = outbound?.Value ?? new OutboundOptions();
        if (string.IsNullOrWhiteSpace(settings.HoldsSourceUrl))
        {
            throw new ApplicationFailureException("Promotions:HoldsSourceUrl is not configured", NotConfiguredErrorType, nonRetryable: true);
        }

        if (OutboundUrl.Check(settings.HoldsSourceUrl, new OutboundAllowance(limits.AllowLoopback, settings.HoldsSourceAllowPrivateNetwork)) is { } refusal)
        {
            throw Refused(refusal, "Promotions:HoldsSourceUrl");
        }

        var url = $"{settings.HoldsSourceUrl}?promoId={Uri.EscapeDataString(request.PromoId)}"
            + (request.PageToken is null ? string.Empty : $"&pageToken={Uri.EscapeDataString(request.PageToken)}");
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrEmpty(settings.HoldsSourceToken))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.HoldsSourceToken);
        }

        var cancellation = ActivityExecutionContext.Current.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                || (int)response.StatusCode is >= 300 and < 400)
            {
                // A redirect too: it names a URL nobody configured, and it is not followed.
                throw new ApplicationFailureException($"Holds source answered {(int)response.StatusCode} for {request.PromoId}", RejectedErrorType, nonRetryable: true);
            }

            response.EnsureSuccessStatusCode();
            var (body, truncated) = await OutboundHttp.ReadCappedAsync(response.Content, MaxPageBytes, timeout.Token);
            if (truncated)
            {
                throw new ApplicationFailureException(
                    $"Holds source answered a page over {MaxPageBytes} bytes for {request.PromoId}; serve smaller pages", RejectedErrorType, nonRetryable: true);
            }

            var page = JsonSerializer.Deserialize<HoldsPage>(body, JsonSerializerOptions.Web)
                ?? throw new ApplicationFailureException("Holds source answered an empty body", "HoldsSourceUnreadable");
            logger.LogInformation("Promo {PromoId}: {Count} holds listed (next page: {HasNext})", request.PromoId, page.Holds.Count, page.NextPageToken is not null);
            return page;
        }
        catch (HttpRequestException e) when (OutboundAddressRefusedException.Find(e) is { } refused)
        {
            throw Refused(refused.Refusal, refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            // Retryable: Temporal backs off and tries again; the run waits instead of losing holds.
            var why = e switch
            {
                HttpRequestException { StatusCode: { } status } => $"answered {(int)status}",
                HttpRequestException h => CallerActivities.Describe(h.HttpRequestError),
                JsonException => "the page is not JSON of the holds contract",
                _ => $"no answer within {settings.Timeout}",
            };
            throw new ApplicationFailureException($"Holds source unavailable: {why}", "HoldsSourceUnavailable");
        }
    }

    private ApplicationFailureException Refused(OutboundRefusal refusal, string why)
    {
        logger.LogError(
            "Holds source refused by the outbound policy ({Reason}): {Why}. Check Promotions:HoldsSourceUrl, and Promotions:HoldsSourceAllowPrivateNetwork for an internal booking service",
            refusal.Reason, why);
        OutboundMetrics.CountRefused(OutboundMetrics.HoldsSourceTarget, refusal);
        return new ApplicationFailureException($"Holds source refused: {refusal.Message}", RefusedErrorType, nonRetryable: true);
    }
}
