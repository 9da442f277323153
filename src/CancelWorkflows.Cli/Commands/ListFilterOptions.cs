using System.CommandLine;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands;

/// <summary>The filters of <c>GET /v1/cancellations</c> as options, and the query they make.</summary>
public sealed class ListFilterOptions(TimeProvider clock)
{
    public Option<string?> Outcome { get; } = ValueOptions.Choice("--outcome", "Only this outcome", CancellationOutcomes.All);

    public Option<bool?> Escalated { get; } = ValueOptions.Flag("--escalated", "Only escalated ones (--escalated false: only the others)");

    public Option<bool?> LateSuccess { get; } = ValueOptions.Flag("--late-success", "Only those Antom reported paid after the cancel (--late-success false: the others)");

    public Option<string?> Merchant { get; } = ValueOptions.Text("--merchant", "Only this merchant", 64);

    public PeriodOptions Period { get; } = new(clock, required: false);

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Outcome);
        command.Add(Escalated);
        command.Add(LateSuccess);
        command.Add(Merchant);
        Period.AddTo(command);
    }

    public CancellationQuery ToQuery(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new()
        {
            Outcome = context.Value(Outcome),
            Escalated = context.Value(Escalated),
            LateSuccess = context.Value(LateSuccess),
            Merchant = context.Value(Merchant),
            From = context.Value(Period.From),
            To = context.Value(Period.To),
        };
    }
}
