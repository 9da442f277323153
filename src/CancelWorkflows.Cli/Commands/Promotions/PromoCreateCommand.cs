using System.CommandLine;
using System.Globalization;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Commands.Promotions;

/// <summary>
/// <c>promo create &lt;promoId&gt; (--ends-at T | --cron "m h dom mon dow" --time-zone Z) [--max-parallel N] [--note]
/// [--update]</c>: POST (create; the same content again is fine) or, with <c>--update</c>, PUT (create or change).
/// </summary>
public static class PromoCreateCommand
{
    public const string EndsAtExamples = "2026-12-31T23:59:59+01:00, 2026-12-31T22:59:59Z or now+10m";

    public static Command Create(CommandRunner runner, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var promoId = PromoIdArgument.Create();
        var endsAt = EndsAtOption(clock ?? TimeProvider.System);
        var cron = ValueOptions.Text("--cron", "Recurring sale: 5-field cron, e.g. \"0 22 * * SUN\" (needs --time-zone)", 128);
        var timeZone = ValueOptions.Text("--time-zone", "IANA time zone of the cron (e.g. Europe/Paris)", 64);
        var maxParallel = ValueOptions.WholeNumber("--max-parallel", "Hold cancellations in flight at once (the service's default: 50)", 1, 5000);
        var note = ValueOptions.Text("--note", "Free text for people", 256);
        var update = new Option<bool>("--update") { Description = "Change the promotion if it exists (PUT) instead of refusing different content" };
        var command = new Command("create", "Schedule the cancellation of a promotion's unpaid holds (one-off at --ends-at, or --cron)")
        {
            promoId, endsAt, cron, timeZone, maxParallel, note, update,
        };
        command.Validators.Add(result =>
        {
            var hasEnd = result.GetResult(endsAt) is not null;
            var hasCron = result.GetResult(cron) is not null;
            if (hasEnd == hasCron)
            {
                result.AddError("give either --ends-at (one-off) or --cron with --time-zone (recurring).");
            }
        });

        runner.Bind(command, async context =>
        {
            var id = context.Value(promoId);
            var request = new PromotionRequest
            {
                PromoId = id,
                EndsAt = context.Value(endsAt),
                Cron = context.Value(cron),
                TimeZone = context.Value(timeZone),
                MaxParallel = context.Value(maxParallel),
                Note = context.Value(note),
            };
            var client = context.CreateClient();
            var promotion = context.Value(update)
                ? await client.PutPromotionAsync(id, request, context.CancellationToken)
                : await client.CreatePromotionAsync(request, context.CancellationToken);
            if (context.Json)
            {
                context.WriteJson(promotion);
                return;
            }

            await context.Out.WriteLineAsync(promotion.HttpStatus == 201
                ? $"Promotion {id} scheduled."
                : context.Value(update) ? $"Promotion {id} updated (or unchanged)." : $"Promotion {id} already exists with this content.");
            PromotionView.Write(context.Out, promotion);
        });
        return command;
    }

    /// <summary><c>--ends-at</c>: ISO-8601 with an offset, or <c>now+&lt;duration&gt;</c>.</summary>
    private static Option<DateTimeOffset?> EndsAtOption(TimeProvider clock) => new("--ends-at")
    {
        Description = $"One-off: when the promotion ends ({EndsAtExamples})",
        HelpName = "time",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;
            if (text.StartsWith("now+", StringComparison.OrdinalIgnoreCase) && DurationText.TryParse(text[4..], out var ahead))
            {
                var end = clock.GetUtcNow() + ahead;
                return end.AddTicks(-(end.Ticks % TimeSpan.TicksPerSecond));
            }

            var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
            if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return at;
            }

            result.AddError($"--ends-at: '{text}' is not a time with an offset ({EndsAtExamples}).");
            return null;
        },
    };
}
