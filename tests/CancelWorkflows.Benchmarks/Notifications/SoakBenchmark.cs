using System.Collections.Concurrent;
using System.Text.Json;
using CancelWorkflows.Benchmarks.Harness;

namespace CancelWorkflows.Benchmarks.Notifications;

/// <summary>
/// Soak of the notification ingress: notifications for cancelled payments whose cancel workflows have closed, each payment told it was paid
/// after the cancel (PAYMENT_PENDING, PAYMENT_RESULT S, REFUND_RESULT), mixed with notifications for payments nobody
/// cancelled and with re-sends of the same bodies (30 % of all), shuffled and sent concurrently. A non-acknowledged
/// answer is re-sent like Antom would. Then: exactly one reconciliation per cancelled payment, none for the others, every
/// distinct notification recorded by its reconciliation (lost = acknowledged but nowhere recorded), and no 5xx.
/// </summary>
public static class SoakBenchmark
{
    private const int DistinctPerCancelled = 3;
    private const int UnknownPerCancelled = 4;
    private const double DuplicateShare = 0.3;
    private const int Resends = 5;

    public static async Task RunAsync(Section section, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var cancelled = options.Quick ? 100 : 1000;
        var callers = options.Concurrency?.Max() ?? 32;
        var run = Guid.NewGuid().ToString("N")[..8];

        Progress.Say("soak: starting the dev server, the simulator and the service...");
        // Cancellations close 1 s after their outcome so every notification meets a closed cancel; the reconciliations
        // they start keep production's shape (open long after their last notification: 25 h there, 1 h here, longer
        // than the send phase), so a later notification for the same payment reaches the same reconciliation.
        await using var host = await IngressBenchHost.StartAsync(
            watchWindow: TimeSpan.FromSeconds(1), firstRetryDelay: TimeSpan.FromSeconds(10), reconciliationWatchWindow: TimeSpan.FromHours(1),
            forceSearchAttributeRefresh: options.ForceSearchAttributeRefresh);
        using var verdicts = new VerdictRecorder();
        var ids = Enumerable.Range(0, cancelled).Select(i => $"soak-{run}-c-{i:D5}").ToList();
        Progress.Say($"soak: {cancelled} cancellations through the API; waiting for their workflows to close...");
        var paymentIds = await BenchPayments.CancelAsync(host, ids, answerU: false);
        await BenchPayments.WaitUntilClosedAsync(host.Temporal, $"cancel-soak-{run}-c-", TimeSpan.FromMinutes(10));

        var originals = new List<(string PaymentRequestId, byte[] Body)>();
        foreach (var id in ids)
        {
            originals.Add((id, BenchNotificationBodies.Payment(id, paymentIds[id], "PAYMENT_PENDING")));
            originals.Add((id, BenchNotificationBodies.Payment(id, paymentIds[id])));
            originals.Add((id, BenchNotificationBodies.Refund(id, paymentIds[id])));
        }

        for (var i = 0; i < cancelled * UnknownPerCancelled; i++)
        {
            var id = $"soak-{run}-u-{i:D5}";
            originals.Add((id, BenchNotificationBodies.Payment(id, $"pid-{run}-u-{i:D5}")));
        }

        var random = new Random(20261126);
        var duplicates = (int)Math.Round(originals.Count * DuplicateShare / (1 - DuplicateShare));
        var all = originals.Concat(Enumerable.Range(0, duplicates).Select(_ => originals[random.Next(originals.Count)])).ToArray();
        random.Shuffle(all);
        section.Setting("payments", $"{cancelled} cancelled (closed) × {DistinctPerCancelled} distinct notifications + {cancelled * UnknownPerCancelled} never cancelled × 1");
        section.Setting("notifications", $"{all.Length} = {originals.Count} distinct + {duplicates} re-sent bodies ({DuplicateShare:P0}), shuffled, {callers} callers");
        section.Setting("windows", "cancel workflows close 1 s after their outcome; reconciliations stay open 1 h after their last notification (production: 25 h)");
        section.Setting("re-send", $"a non-acknowledged answer is sent again (signed afresh) up to {Resends} times, 200 ms apart");

        Progress.Say($"soak: sending {all.Length} notifications with {callers} callers...");
        using var sender = new NotificationSender(host.BaseAddress, callers);
        var statuses = new ConcurrentDictionary<int, int>();
        var neverAcknowledged = 0;
        var clock = Timing.Now();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < all.Length)
            {
                var acknowledged = false;
                for (var attempt = 0; attempt <= Resends && !acknowledged; attempt++)
                {
                    if (attempt > 0)
                    {
                        await Task.Delay(200);
                    }

                    var (status, ack, _) = await sender.SendAsync(host.Sign(host.NotificationsPath, all[i].Body).ToRequest(host.NotificationsPath));
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    acknowledged = ack;
                }

                if (!acknowledged)
                {
                    Interlocked.Increment(ref neverAcknowledged);
                }
            }
        })));
        var sendMs = Timing.MsSince(clock);

        Progress.Say("soak: counting reconciliations and what they recorded...");
        var perPayment = await ReconciliationsAsync(host, ids);
        var unknownWorkflows = await BenchPayments.CountAsync(host.Temporal, $"WorkflowId STARTS_WITH 'reconcile-soak-{run}-u-' OR WorkflowId STARTS_WITH 'cancel-soak-{run}-u-'");
        var reconciliationsOpen = await BenchPayments.CountAsync(host.Temporal, $"WorkflowId STARTS_WITH 'reconcile-soak-{run}-c-' AND ExecutionStatus = 'Running'");
        var exactlyOne = perPayment.Count(p => p.Runs == 1);
        var lost = perPayment.Sum(p => Math.Max(0, DistinctPerCancelled - p.Recorded));
        var serverErrors = statuses.Where(kv => kv.Key >= 500).Sum(kv => kv.Value);

        var table = new TextTable(string.Empty, "figure", "value");
        table.Row("sent (first attempts)", Fmt.Int(all.Length));
        table.Row("answers by HTTP status", string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")));
        table.Row("notifications/s (first attempts over the send time)", Fmt.Rate(all.Length / (sendMs / 1000)));
        table.Row("never acknowledged", Fmt.Int(neverAcknowledged));
        table.Row("cancelled payments with exactly one reconciliation", $"{exactlyOne}/{cancelled}");
        table.Row("reconciliation runs per payment (min/max)", $"{perPayment.Min(p => p.Runs)}/{perPayment.Max(p => p.Runs)}");
        table.Row("reconciliations still open at the end (all should be)", $"{reconciliationsOpen}/{perPayment.Count(p => p.Runs > 0)}");
        table.Row("workflows for never-cancelled payments", Fmt.Int(unknownWorkflows));
        table.Row($"distinct notifications recorded (of {cancelled * DistinctPerCancelled})", Fmt.Int(perPayment.Sum(p => Math.Min(p.Recorded, DistinctPerCancelled))));
        table.Row("lost (acknowledged, recorded nowhere)", Fmt.Int(lost));
        table.Row("5xx", Fmt.Int(serverErrors));
        section.Tables.Add(table);
        var counted = verdicts.Snapshot();
        section.Results["verdicts"] = counted;
        section.Results["statuses"] = new SortedDictionary<int, int>(statuses);
        section.Notes.Add("verdicts counted by the ingress: " + string.Join(", ", counted.Select(kv => $"{kv.Key}={kv.Value}")));
        foreach (var (kind, missing) in perPayment.SelectMany(p => p.Missing).GroupBy(k => k).Select(g => (g.Key, g.Count())))
        {
            section.Notes.Add($"not recorded: {missing} × {kind}");
        }

        section.Goals.Add(new("soak-once", "exactly one reconciliation per cancelled payment", $"{cancelled}", Fmt.Int(exactlyOne), exactlyOne == cancelled && unknownWorkflows == 0));
        section.Goals.Add(new("soak-lost", "notifications lost (never acknowledged + acknowledged but unrecorded)", "0", Fmt.Int(lost + neverAcknowledged), lost + neverAcknowledged == 0));
        section.Goals.Add(new("soak-5xx", "5xx answers", "0", Fmt.Int(serverErrors), serverErrors == 0));
    }

    private static async Task<List<PaymentReconciliation>> ReconciliationsAsync(IngressBenchHost host, IReadOnlyList<string> ids)
    {
        var result = new ConcurrentBag<PaymentReconciliation>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
        {
            var workflowId = $"reconcile-{id}";
            var runs = (int)await BenchPayments.CountAsync(host.Temporal, $"WorkflowId = '{workflowId}'");
            var kinds = new List<string>();
            if (runs > 0)
            {
                var status = await host.Temporal.GetWorkflowHandle(workflowId).QueryAsync<JsonElement>("Status", []);
                kinds.AddRange(status.GetProperty("Notifications").EnumerateArray().Select(n => n.GetProperty("NotifyType").GetString() ?? "?"));
            }

            string[] expected = ["PAYMENT_PENDING", "PAYMENT_RESULT", "REFUND_RESULT"];
            result.Add(new(id, runs, kinds.Count, [.. expected.Except(kinds)]));
        });
        return [.. result];
    }

    private sealed record PaymentReconciliation(string PaymentRequestId, int Runs, int Recorded, IReadOnlyList<string> Missing);
}
