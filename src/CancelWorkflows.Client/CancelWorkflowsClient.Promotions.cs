using System.Globalization;
using System.Net;
using System.Net.Http.Json;

using CancelWorkflows.Contracts;

namespace CancelWorkflows.Client;

/// <summary>Promotions (<c>/v1/promotions</c>): schedules that cancel a promotion's unpaid holds when it ends.</summary>
public sealed partial class CancelWorkflowsClient
{
    private const string PromotionsPath = "v1/promotions";

    /// <summary>
    /// Creates the promotion's schedule. The same content again answers the existing one (<see cref="Promotion.HttpStatus"/>
    /// 200, safe to retry); different content for an existing id is refused (400, <c>…promotion-exists-with-different-content</c>):
    /// use <see cref="PutPromotionAsync"/> to change it. Invalid input (end in the past, invalid cron, unknown time zone)
    /// throws <see cref="CancelWorkflowsApiException"/> 400 with the field errors, and no schedule is touched.
    /// </summary>
    public async Task<Promotion> CreatePromotionAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = NewRequest(HttpMethod.Post, PromotionsPath);
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        return await PromotionAnswerAsync(message, cancellationToken);
    }

    /// <summary>Creates (201) or updates (200) the promotion <paramref name="promoId"/>; a paused one stays paused.</summary>
    public async Task<Promotion> PutPromotionAsync(string promoId, PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = NewRequest(HttpMethod.Put, PromotionPath(promoId));
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        return await PromotionAnswerAsync(message, cancellationToken);
    }

    /// <summary>The promotion with its schedule's state and last run's summary; null when there is none.</summary>
    public async Task<Promotion?> GetPromotionAsync(string promoId, CancellationToken cancellationToken = default)
    {
        using var message = NewRequest(HttpMethod.Get, PromotionPath(promoId));
        using var response = await SendAsync(message, cancellationToken, notFoundIsAnswer: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<Promotion>(response, cancellationToken);
    }

    /// <summary>All promotions (at most <paramref name="limit"/>, 1-1000; the service's default 100 when null).</summary>
    public async Task<PromotionList> ListPromotionsAsync(int? limit = null, CancellationToken cancellationToken = default)
    {
        var path = limit is { } n ? $"{PromotionsPath}?limit={n.ToString(CultureInfo.InvariantCulture)}" : PromotionsPath;
        using var message = NewRequest(HttpMethod.Get, path);
        using var response = await SendAsync(message, cancellationToken);
        var list = await ReadAsync<PromotionList>(response, cancellationToken);
        return list with { Items = list.Items ?? [] };
    }

    /// <summary>Pauses the schedule: no run starts at its time while paused.</summary>
    public Task<Promotion> PausePromotionAsync(string promoId, string? reason = null, CancellationToken cancellationToken = default) =>
        PostToPromotionAsync(promoId, "pause", reason, cancellationToken);

    public Task<Promotion> ResumePromotionAsync(string promoId, string? reason = null, CancellationToken cancellationToken = default) =>
        PostToPromotionAsync(promoId, "resume", reason, cancellationToken);

    /// <summary>Runs it now (202). 409 while a run is in progress: runs of a promotion never overlap.</summary>
    public Task<Promotion> TriggerPromotionAsync(string promoId, CancellationToken cancellationToken = default) =>
        PostToPromotionAsync(promoId, "trigger", null, cancellationToken);

    /// <summary>Deletes the schedule (a run in progress finishes). 404 when there is none.</summary>
    public async Task DeletePromotionAsync(string promoId, CancellationToken cancellationToken = default)
    {
        using var message = NewRequest(HttpMethod.Delete, PromotionPath(promoId));
        using var response = await SendAsync(message, cancellationToken);
    }

    private static string PromotionPath(string promoId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(promoId);
        return $"{PromotionsPath}/{Uri.EscapeDataString(promoId)}";
    }

    private async Task<Promotion> PostToPromotionAsync(string promoId, string action, string? reason, CancellationToken cancellationToken)
    {
        var path = $"{PromotionPath(promoId)}/{action}";
        if (!string.IsNullOrWhiteSpace(reason))
        {
            path += "?reason=" + Uri.EscapeDataString(reason);
        }

        using var message = NewRequest(HttpMethod.Post, path);
        return await PromotionAnswerAsync(message, cancellationToken);
    }

    private async Task<Promotion> PromotionAnswerAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(message, cancellationToken);
        var promotion = await ReadAsync<Promotion>(response, cancellationToken);
        return promotion with { HttpStatus = (int)response.StatusCode };
    }
}
