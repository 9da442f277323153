using System.CommandLine;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Output;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands;

/// <summary><c>resolve &lt;paymentRequestId&gt; --outcome --note</c>: support's resolution of an escalated cancellation. Needs an
/// operator's API key; the service records that key's caller as who resolved it (say who did what in the note).</summary>
public static class ResolveCommand
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var id = ValueOptions.PaymentIdArgument("paymentRequestId", "The merchant's id of the escalated payment");
        var outcome = ValueOptions.Text("--outcome", "What support found or did, e.g. Cancelled or Refunded", 64);
        outcome.Required = true;
        var note = ValueOptions.Text("--note", "What was checked or done, and by whom, for the record", 1024);
        note.Required = true;
        var command = new Command("resolve", "Resolve an escalated cancellation (support's answer ends the escalation; an operator's API key)") { id, outcome, note };

        runner.Bind(command, async context =>
        {
            var client = context.CreateClient();
            var request = new ResolveEscalationRequest { Outcome = context.Value(outcome)!, Note = context.Value(note) };
            var resolved = await client.ResolveAsync(context.Value(id), request, context.CancellationToken);
            Show(context, resolved, context.Value(id));
        });
        return command;
    }

    private static void Show(CommandContext context, ResolveEscalationResult resolved, string paymentRequestId)
    {
        if (context.Json)
        {
            context.WriteJson(resolved);
            return;
        }

        context.Out.WriteLine($"Resolution handed to {resolved.WorkflowId}: {resolved.Outcome} by {resolved.ResolvedBy}.");
        new DetailList()
            .Add("workflow", resolved.RunId is null ? resolved.WorkflowId : $"{resolved.WorkflowId} (run {resolved.RunId})")
            .Add("follow", $"cancelctl status {paymentRequestId}")
            .WriteTo(context.Out);
    }
}
