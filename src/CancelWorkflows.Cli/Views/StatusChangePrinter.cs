using CancelWorkflows.Cli.Output;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Views;

/// <summary>
/// <c>watch</c>'s live view: given every new status, prints the steps not printed before, one line each. The steps are
/// the whole story as the workflow writes it: eligibility, each cancel attempt (<c>cancel attempt N</c>), U-retries,
/// inquiries, notifications, escalation, the outcome. Synchronous on purpose (unlike <see cref="Progress{T}"/>), so lines
/// never arrive out of order or after the command ended.
/// </summary>
public sealed class StatusChangePrinter(TextWriter writer) : IProgress<CancellationStatus>
{
    private readonly Lock gate = new();
    private int stepsShown;

    public void Report(CancellationStatus value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            if (stepsShown == 0)
            {
                writer.WriteLine($"Watching {value.WorkflowId ?? value.PaymentRequestId} until its outcome (Ctrl-C stops watching, not the cancellation).");
            }

            foreach (var step in value.Steps.Skip(stepsShown))
            {
                writer.WriteLine($"{TimeText.Format(step.Time)}  {step.Name}: {step.Detail.ReplaceLineEndings(" ")}");
            }

            stepsShown = Math.Max(stepsShown, value.Steps.Count);
            writer.Flush();
        }
    }
}
