using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Promotions;

/// <summary>Reads a promotion's unpaid holds from the booking service, one page per call. Transient failures are retried
/// by Temporal; a missing configuration or a 4xx is a non-retryable error an engineer must fix.</summary>
public sealed class HoldsActivities(IHttpClientFactory httpClients, IOptions<HoldsSourceOptions> options, ILogger<HoldsActivities> logger)
{
    public const string HttpClientName = "holds-source";
    public const string NotConfiguredErrorType = "HoldsSourceNotConfigured";
    public const string RejectedErrorType = "HoldsSourceRejected";

    [Activity("ListUnpaidHolds")]
    public async Task<HoldsPage> ListUnpaidHoldsAsync(HoldsPageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.HoldsSourceUrl))
        {
            throw new ApplicationFailureException("Promotions:HoldsSourceUrl is not configured", NotConfiguredErrorType, nonRetryable: true);
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
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(message, timeout.Token);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
            {
                throw new ApplicationFailureException($"Holds source answered {(int)response.StatusCode} for {request.PromoId}", RejectedErrorType, nonRetryable: true);
            }

            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<HoldsPage>(timeout.Token)
                ?? throw new ApplicationFailureException("Holds source answered an empty body", "HoldsSourceUnreadable");
            logger.LogInformation("Promo {PromoId}: {Count} holds listed (next page: {HasNext})", request.PromoId, page.Holds.Count, page.NextPageToken is not null);
            return page;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            // Retryable: Temporal backs off and tries again; the run waits instead of losing holds.
            throw new ApplicationFailureException($"Holds source unavailable: {e.Message}", "HoldsSourceUnavailable");
        }
    }
}
