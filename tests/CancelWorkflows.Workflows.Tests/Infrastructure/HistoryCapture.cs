using Temporalio.Client;
using Temporalio.Common;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>
/// Saves the history of a real run as a replay fixture when <c>CANCELWORKFLOWS_CAPTURE_HISTORIES</c> names a folder
/// (normally tests/CancelWorkflows.Workflows.Tests/Histories). Run once after a deliberate workflow change, review,
/// commit: the replay tests then guard every later build.
/// </summary>
public static class HistoryCapture
{
    private static string? Folder => Environment.GetEnvironmentVariable("CANCELWORKFLOWS_CAPTURE_HISTORIES") is { } folder
        && !string.IsNullOrWhiteSpace(folder) ? folder : null;

    public static async Task SaveAsync(WorkflowHandle handle, string scenario)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (Folder is not null)
        {
            await SaveAsync(await handle.FetchHistoryAsync(), scenario);
        }
    }

    /// <summary>One run's history already fetched (e.g. one run of a continue-as-new chain).</summary>
    public static async Task SaveAsync(WorkflowHistory history, string scenario)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (Folder is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{scenario}.json"), history.ToJson());
    }
}
