using System.CommandLine;
using System.CommandLine.Parsing;
using CancelWorkflows.Cli.Output;
using CancelWorkflows.Cli.Parsing;

namespace CancelWorkflows.Cli.Commands;

/// <summary><c>--from</c> (inclusive) and <c>--to</c> (exclusive): when the cancellations started; --from must be before --to.</summary>
public sealed class PeriodOptions
{
    private readonly TimeProvider clock;

    public PeriodOptions(TimeProvider clock, bool required)
    {
        this.clock = clock;
        From = ValueOptions.Timestamp("--from", "Started at or after (e.g. 2025-03-01, 2025-03-01T12:00:00Z, now-7d)", clock);
        To = ValueOptions.Timestamp("--to", "Started before", clock);
        From.Required = required;
        To.Required = required;
    }

    public Option<DateTimeOffset?> From { get; }

    public Option<DateTimeOffset?> To { get; }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(From);
        command.Add(To);
        command.Validators.Add(result =>
        {
            if (ValidValue(result, From) is { } from && ValidValue(result, To) is { } to && from >= to)
            {
                result.AddError($"--from ({TimeText.Format(from)}) must be before --to ({TimeText.Format(to)}).");
            }
        });
    }

    /// <summary>The option's value, or null when it is absent or was refused (its parser reported that already, and reading
    /// the value of a refused option would throw).</summary>
    private DateTimeOffset? ValidValue(CommandResult result, Option<DateTimeOffset?> option) =>
        result.GetResult(option) is { Tokens: [.., var last] } && TimestampText.TryParse(last.Value, clock.GetUtcNow(), out var value) ? value : null;
}
