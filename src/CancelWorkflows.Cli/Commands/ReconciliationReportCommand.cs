using System.CommandLine;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Output;
using CancelWorkflows.Cli.Views;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands;

/// <summary>
/// <c>report reconciliation --from --to</c>: a CSV of the refunds Antom owes after late successes (C4, C5) among the
/// cancellations started in the period: the listing with <c>lateSuccess=true</c>, then each one's status for its refund.
/// Progress on stderr, the CSV (or with <c>--json</c> the rows) on stdout.
/// </summary>
public static class ReconciliationReportCommand
{
    /// <summary>Status reads in flight at once: quick on a big period, gentle on the service.</summary>
    public const int Parallelism = 4;

    public static Command Create(CommandRunner runner, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var period = new PeriodOptions(clock, required: true);
        var command = new Command("reconciliation", "CSV of late-success refunds: paymentRequestId, paymentId, amount, currency, refund state, refund id, confirmedAt, workflowId");
        period.AddTo(command);

        runner.Bind(command, async context =>
        {
            var query = new CancellationQuery { LateSuccess = true, From = context.Value(period.From), To = context.Value(period.To) };
            var client = context.CreateClient();
            var lateSuccesses = await PageWalker.ReadAllAsync(client, query, context.Progress, "late successes", context.CancellationToken);
            var rows = await ReadRowsAsync(client, lateSuccesses, context);
            if (context.Json)
            {
                context.WriteJson(new { from = query.From, to = query.To, rows });
                return;
            }

            CsvText.WriteRow(context.Out, ReconciliationRow.CsvHeader);
            foreach (var row in rows)
            {
                CsvText.WriteRow(context.Out, row.CsvFields());
            }
        });
        return command;
    }

    private static async Task<ReconciliationRow[]> ReadRowsAsync(CancelWorkflowsClient client, List<CancellationSummary> items, CommandContext context)
    {
        var rows = new ReconciliationRow[items.Count];
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = context.CancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (index, cancellationToken) =>
        {
            var item = items[index];
            var status = item.PaymentRequestId is { } prid
                ? await client.GetAsync(prid, cancellationToken)
                : item.PaymentId is { } pid ? await client.GetByPaymentIdAsync(pid, cancellationToken) : null;
            rows[index] = ReconciliationRow.From(item, status);
            var count = Interlocked.Increment(ref done);
            context.Progress.Report($"refunds read: {count}/{items.Count}");
        });
        context.Progress.Finish();
        return rows;
    }
}
