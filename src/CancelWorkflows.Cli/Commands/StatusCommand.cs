using System.CommandLine;
using CancelWorkflows.Cli.Failures;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Cli.Views;

namespace CancelWorkflows.Cli.Commands;

/// <summary><c>status &lt;paymentRequestId&gt;</c>: the whole story of one cancellation (the workflow's Status query).</summary>
public static class StatusCommand
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var id = ValueOptions.PaymentIdArgument("paymentRequestId", "The merchant's id of the payment (Antom's paymentId with --by-payment-id)");
        var byPaymentId = new Option<bool>("--by-payment-id") { Description = "The id is Antom's paymentId (a cancellation started without paymentRequestId)" };
        var command = new Command("status", "Show one cancellation: outcome, rule, attempts, steps, refund") { id, byPaymentId };
        runner.Bind(command, async context =>
        {
            var paymentId = context.Value(id);
            var client = context.CreateClient();
            var status = context.Value(byPaymentId)
                ? await client.GetByPaymentIdAsync(paymentId, context.CancellationToken)
                : await client.GetAsync(paymentId, context.CancellationToken);
            if (status is null)
            {
                throw new CommandFailedException($"no cancellation for {(context.Value(byPaymentId) ? "paymentId" : "paymentRequestId")} {paymentId}");
            }

            if (context.Json)
            {
                context.WriteJson(status);
                return;
            }

            StatusView.Write(context.Out, status);
        });
        return command;
    }
}
