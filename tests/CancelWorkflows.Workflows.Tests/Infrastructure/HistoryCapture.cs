using Temporalio.Client;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>
/// Saves the history of a real run as a replay fixture when <c>CANCELWORKFLOWS_CAPTURE_HISTORIES</c> names a folder
/// (normally tests/CancelWorkflows.Workflows.Tests/Histories). Run once after a deliberate workflow change, review,
/// commit: the replay tests then guard every later build.
/// </summary>
public static class HistoryCapture
{
    public static async Task SaveAsync(WorkflowHandle handle, string scenario)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var folder = Environment.GetEnvironmentVariable("CANCELWORKFLOWS_CAPTURE_HISTORIES");
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var history = await handle.FetchHistoryAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, $"{scenario}.json"), history.ToJson());
    }
}
