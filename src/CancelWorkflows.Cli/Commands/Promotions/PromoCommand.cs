using System.CommandLine;
using CancelWorkflows.Cli.Hosting;

namespace CancelWorkflows.Cli.Commands.Promotions;

/// <summary><c>promo create|list|show|pause|resume|trigger|delete</c>: promotions whose unpaid holds are cancelled when they end.</summary>
public static class PromoCommand
{
    public static Command Create(CommandRunner runner, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var command = new Command("promo", "Promotions: a schedule per promotion cancels its unpaid holds when it ends (one-off or cron)");
        command.Add(PromoCreateCommand.Create(runner, clock));
        command.Add(PromoListCommand.Create(runner));
        command.Add(PromoShowCommand.Create(runner));
        command.Add(PromoStateCommands.Pause(runner));
        command.Add(PromoStateCommands.Resume(runner));
        command.Add(PromoStateCommands.Trigger(runner));
        command.Add(PromoStateCommands.Delete(runner));
        return command;
    }
}
