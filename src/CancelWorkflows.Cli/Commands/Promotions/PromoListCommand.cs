using System.CommandLine;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Output;
using CancelWorkflows.Cli.Parsing;

namespace CancelWorkflows.Cli.Commands.Promotions;

/// <summary><c>promo list [--limit N]</c>: every promotion's schedule, paused or not, next and last run.</summary>
public static class PromoListCommand
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var limit = ValueOptions.WholeNumber("--limit", "At most this many (default 100)", 1, 1000);
        var command = new Command("list", "List promotions") { limit };
        runner.Bind(command, async context =>
        {
            var list = await context.CreateClient().ListPromotionsAsync(context.Value(limit), context.CancellationToken);
            if (context.Json)
            {
                context.WriteJson(list);
                return;
            }

            if (list.Items.Count == 0)
            {
                await context.Out.WriteLineAsync("No promotions.");
                return;
            }

            var table = new TextTable("promoId", "kind", "ends / time zone", "paused", "next run", "last run");
            foreach (var item in list.Items)
            {
                table.AddRow(
                    item.PromoId,
                    item.Kind,
                    item.EndsAt is { } end ? TimeText.Format(end) : item.TimeZone,
                    item.Paused ? "yes" : "no",
                    TimeText.Format(item.NextActionTime),
                    TimeText.Format(item.LastActionAt));
            }

            table.WriteTo(context.Out);
            if (list.Truncated)
            {
                await context.Out.WriteLineAsync("(more: raise --limit)");
            }
        });
        return command;
    }
}
