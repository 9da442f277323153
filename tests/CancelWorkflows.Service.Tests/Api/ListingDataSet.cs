using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>
/// Five cancellations of one merchant of their own (so other tests' cancellations never match), started between
/// <see cref="Before"/> and <see cref="After"/>: three Cancelled (one of them later paid: a late success), one
/// AlreadyCancelled, one Escalated. Ready when visibility shows all five with their outcomes.
/// </summary>
public sealed record ListingDataSet(
    string Merchant,
    DateTimeOffset Before,
    DateTimeOffset After,
    IReadOnlyList<string> Cancelled,
    string LateSuccess,
    string AlreadyCancelled,
    string Escalated)
{
    public IReadOnlyList<string> All => [.. Cancelled, AlreadyCancelled, Escalated];

    public static async Task<ListingDataSet> CreateAsync(ApiDevMode api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var merchant = "list-" + Guid.NewGuid().ToString("N")[..10];
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var cancelled = Enumerable.Range(0, 3).Select(_ => CancellationApiCalls.NewPaymentRequestId()).ToList();
        var already = CancellationApiCalls.NewPaymentRequestId();
        var escalatedTask = api.EscalatedCancellationAsync(merchant);
        // The late one answers U first, so its cancel workflow is still open (in its U-retry) when the success arrives: the
        // cancel workflow closes at its outcome, and a success after the close is recorded by reconcile-<id>, which the
        // listing (cancel workflows only) does not show.
        var late = cancelled[0];
        await api.Dev.PaidCardAnsweringUAsync(late, 1);
        foreach (var id in cancelled.Skip(1))
        {
            await api.Dev.PaidCardAsync(id);
        }

        await api.Dev.AlreadyCancelledAsync(already);
        using (var lateStart = await api.Booking.StartAsync(new { paymentRequestId = late, merchant, bookingRef = "BK-" + late }, query: "?wait=0"))
        {
            lateStart.EnsureSuccessStatusCode();
        }

        // A success notification during the cancel: the outcome stays Cancelled, a refund is expected (C4, C5).
        var payment = await api.Dev.Simulator.GetPaymentAsync(late);
        await api.Temporal.GetWorkflowHandle($"cancel-{late}").SignalAsync(
            TemporalNames.PaymentNotifiedSignal,
            [new PaymentNotice("PAYMENT_RESULT", "S", "SUCCESS", late, payment!.PaymentId, "USD", "1000", null, "late-" + late)]);
        foreach (var id in cancelled.Skip(1).Append(already))
        {
            using var response = await api.Booking.StartAsync(new { paymentRequestId = id, merchant, bookingRef = "BK-" + id }, query: "?wait=30");
            response.EnsureSuccessStatusCode();
        }

        var escalated = await escalatedTask;
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        var set = new ListingDataSet(merchant, before, after, cancelled, late, already, escalated);
        await Eventually.ReturnsAsync(
            () => api.Booking.GetStringAsync($"v1/cancellations?merchant={merchant}"),
            json =>
            {
                var items = JsonNode.Parse(json)!["items"]!.AsArray();
                return items.Count == 5
                    && items.All(i => i!["outcome"] is not null)
                    && items.Any(i => (bool)i!["lateSuccess"]! && (string?)i["paymentRequestId"] == late);
            },
            TimeSpan.FromSeconds(60),
            "all five in visibility with their outcomes and the late success");
        return set;
    }
}
