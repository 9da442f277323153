using System.CommandLine;
using CancelWorkflows.Cli.Hosting;

namespace CancelWorkflows.Cli.Commands;

/// <summary><c>report</c>: reports for finance and support (a group; <c>reconciliation</c> is the first).</summary>
public static class ReportCommand
{
    public static Command Create(CommandRunner runner, TimeProvider clock) =>
        new("report", "Reports for finance and support")
        {
            ReconciliationReportCommand.Create(runner, clock),
        };
}
