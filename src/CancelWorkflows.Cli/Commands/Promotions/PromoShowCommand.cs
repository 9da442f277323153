using System.CommandLine;
using CancelWorkflows.Cli.Failures;
using CancelWorkflows.Cli.Hosting;

namespace CancelWorkflows.Cli.Commands.Promotions;

/// <summary><c>promo show &lt;promoId&gt;</c>: the schedule's state and the last run's summary (progress while it runs).</summary>
public static class PromoShowCommand
{
    public static Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var promoId = PromoIdArgument.Create();
        var command = new Command("show", "Show a promotion: schedule, recent runs, last run's summary by outcome") { promoId };
        runner.Bind(command, async context =>
        {
            var promotion = await context.CreateClient().GetPromotionAsync(context.Value(promoId), context.CancellationToken)
                ?? throw new CommandFailedException($"no promotion {context.Value(promoId)}");
            if (context.Json)
            {
                context.WriteJson(promotion);
                return;
            }

            PromotionView.Write(context.Out, promotion);
        });
        return command;
    }
}
