using System.CommandLine;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Cli.Views;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands;

/// <summary><c>list</c>: cancellations by outcome, escalation, late success, merchant and start time (Temporal visibility).</summary>
public static class ListCommand
{
    public static Command Create(CommandRunner runner, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var filters = new ListFilterOptions(clock);
        var pageSize = ValueOptions.WholeNumber("--page-size", "Items per page", 1, 200);
        var pageToken = new Option<string?>("--page-token") { Description = "Continue from this page (the token a previous page printed)", HelpName = "token" };
        var all = new Option<bool>("--all") { Description = "Follow every page (progress on stderr) and show them as one list" };
        var command = new Command("list", "List cancellations, newest first");
        filters.AddTo(command);
        command.Add(pageSize);
        command.Add(pageToken);
        command.Add(all);

        runner.Bind(command, async context =>
        {
            var query = filters.ToQuery(context) with { PageSize = context.Value(pageSize), PageToken = context.Value(pageToken) };
            var client = context.CreateClient();
            var page = context.Value(all)
                ? new CancellationPage(await PageWalker.ReadAllAsync(client, query, context.Progress, "cancellations", context.CancellationToken), null)
                : await client.ListAsync(query, context.CancellationToken);
            Show(context, page);
        });
        return command;
    }

    private static void Show(CommandContext context, CancellationPage page)
    {
        if (context.Json)
        {
            context.WriteJson(page);
            return;
        }

        if (page.Items.Count == 0)
        {
            context.Out.WriteLine("No cancellations match.");
        }
        else
        {
            SummaryTable.Create(page.Items).WriteTo(context.Out);
        }

        if (page.NextPageToken is { } token)
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"More: add --page-token {token} (or --all for every page).");
        }
    }
}
