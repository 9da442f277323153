using Temporalio.Common;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>
/// A history recorded by an earlier version of a workflow (<c>Baseline/Recorded/*.json</c>, saved with
/// <c>workflow --save-histories</c>), counted beside the live runs so one run prints "before" and "now" side by side.
/// </summary>
public sealed record RecordedHistory(string Name, HistoryCost Cost)
{
    public static IReadOnlyList<RecordedHistory> LoadAll()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Baseline", "Recorded");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => new RecordedHistory(
                Path.GetFileNameWithoutExtension(file),
                HistoryCost.Of(WorkflowHistory.FromJson(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)))))
            .ToList();
    }
}
