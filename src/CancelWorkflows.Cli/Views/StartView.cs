using CancelWorkflows.Cli.Output;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Views;

/// <summary>The answer of <c>start</c> for people: started or found, where to follow it, and the outcome when it came in time.</summary>
public static class StartView
{
    public static void Write(TextWriter writer, StartCancellationResult started, string followCommand, TimeSpan? waited)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(started);
        writer.WriteLine(Headline(started, waited));
        new DetailList()
            .Add("workflow", $"{started.WorkflowId} (run {started.RunId})")
            .Add("outcome", started.Outcome ?? StatusView.Undecided)
            .Add("temporal web", started.TemporalWebUrl)
            .Add("follow", started.Outcome is null ? followCommand : null)
            .WriteTo(writer);
        if (started.Cancellation is { } status)
        {
            writer.WriteLine();
            StatusView.Write(writer, status);
        }
    }

    public static string Headline(StartCancellationResult started, TimeSpan? waited)
    {
        ArgumentNullException.ThrowIfNull(started);
        var what = started.Created ? "Cancellation started" : "Cancellation already exists (nothing new started)";
        if (started.Outcome is { } outcome)
        {
            return $"{what}: outcome {outcome}.";
        }

        return waited is { } w && w > TimeSpan.Zero
            ? $"{what}: no outcome yet after {Parsing.DurationText.Format(w)}."
            : $"{what}.";
    }
}
