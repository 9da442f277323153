using System.CommandLine;
using CancelWorkflows.Cli.Failures;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Cli.Views;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands;

/// <summary>
/// <c>watch &lt;paymentRequestId&gt;</c>: follows one cancellation live, printing each new step, attempt and notification,
/// until its outcome is known (exit 0) or <c>--timeout</c> (default 10 min) passes without one (exit 1).
/// <c>Escalated</c> is an outcome: support takes over, and <c>resolve</c> is the next move.
/// </summary>
public static class WatchCommand
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var id = ValueOptions.PaymentIdArgument("paymentRequestId", "The merchant's id of the payment");
        var command = new Command(
            "watch",
            $"Follow one cancellation live until its outcome (--timeout: how long to follow, default {DurationText.Format(WatchDefaults.Timeout)})")
        {
            id,
        };

        runner.Bind(command, async context =>
        {
            var paymentRequestId = context.Value(id);
            var followFor = context.TimeoutOption ?? WatchDefaults.Timeout;
            var client = context.CreateClient(GlobalOptions.DefaultTimeout < followFor ? GlobalOptions.DefaultTimeout : followFor);

            // With --json the live lines go to stderr, so stdout carries the final status only.
            var printer = new StatusChangePrinter(context.Json ? context.Error : context.Out);
            var status = await client.WaitForOutcomeAsync(paymentRequestId, followFor, printer, context.CancellationToken);
            if (status.Outcome is null)
            {
                var last = status.Steps.Count > 0 ? $"; last step: {status.Steps[^1].Name}" : string.Empty;
                throw new CommandFailedException($"no outcome for {paymentRequestId} within {DurationText.Format(followFor)}{last} (it goes on; watch again or raise --timeout)");
            }

            Show(context, status, paymentRequestId);
        });
        return command;
    }

    private static void Show(CommandContext context, CancellationStatus status, string paymentRequestId)
    {
        if (context.Json)
        {
            context.WriteJson(status);
            return;
        }

        context.Out.WriteLine();
        context.Out.WriteLine($"Outcome: {StatusView.OutcomeText(status)}");
        if (status.Detail is not null)
        {
            context.Out.WriteLine(status.Detail);
        }

        if (status.Outcome == CancellationOutcomes.Escalated && status.Resolution is null)
        {
            context.Out.WriteLine($"Support takes over; when it is settled: cancelctl resolve {paymentRequestId} --outcome <what was found> --note <text>");
        }
    }
}
