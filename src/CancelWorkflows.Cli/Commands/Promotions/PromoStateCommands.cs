using System.CommandLine;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands.Promotions;

/// <summary><c>promo pause|resume|trigger|delete &lt;promoId&gt;</c>.</summary>
public static class PromoStateCommands
{
    public static Command Pause(CommandRunner runner) =>
        WithReason(runner, "pause", "Pause: no run starts at its time while paused", "Paused", (c, id, reason, ct) => c.PausePromotionAsync(id, reason, ct));

    public static Command Resume(CommandRunner runner) =>
        WithReason(runner, "resume", "Resume a paused promotion", "Resumed", (c, id, reason, ct) => c.ResumePromotionAsync(id, reason, ct));

    public static Command Trigger(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var promoId = PromoIdArgument.Create();
        var command = new Command("trigger", "Run now: cancel the promotion's unpaid holds now (holds already handled are never cancelled twice)") { promoId };
        runner.Bind(command, async context =>
        {
            var promotion = await context.CreateClient().TriggerPromotionAsync(context.Value(promoId), context.CancellationToken);
            Show(context, promotion, $"Triggered {promotion.PromoId}: run {promotion.LastRun?.WorkflowId ?? "(starting)"}; follow it with cancelctl promo show {promotion.PromoId}.");
        });
        return command;
    }

    public static Command Delete(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var promoId = PromoIdArgument.Create();
        var command = new Command("delete", "Delete the promotion's schedule (a run in progress finishes)") { promoId };
        runner.Bind(command, async context =>
        {
            var id = context.Value(promoId);
            await context.CreateClient().DeletePromotionAsync(id, context.CancellationToken);
            if (context.Json)
            {
                context.WriteJson(new { promoId = id, deleted = true });
                return;
            }

            await context.Out.WriteLineAsync($"Deleted promotion {id}.");
        });
        return command;
    }

    private static Command WithReason(
        CommandRunner runner,
        string name,
        string description,
        string done,
        Func<CancelWorkflowsClient, string, string?, CancellationToken, Task<Promotion>> call)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var promoId = PromoIdArgument.Create();
        var reason = ValueOptions.Text("--reason", "Why (kept as the schedule's note)", 256);
        var command = new Command(name, description) { promoId, reason };
        runner.Bind(command, async context =>
        {
            var promotion = await call(context.CreateClient(), context.Value(promoId), context.Value(reason), context.CancellationToken);
            Show(context, promotion, $"{done} {promotion.PromoId}.");
        });
        return command;
    }

    private static void Show(CommandContext context, Promotion promotion, string line)
    {
        if (context.Json)
        {
            context.WriteJson(promotion);
            return;
        }

        context.Out.WriteLine(line);
        PromotionView.Write(context.Out, promotion);
    }
}
