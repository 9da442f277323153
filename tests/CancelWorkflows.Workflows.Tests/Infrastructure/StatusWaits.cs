using CancelWorkflows.Workflows.Cancel;
using Temporalio.Client;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>Polling waits of the workflow tests, generous for a loaded machine (60 s).</summary>
public static class StatusWaits
{
    /// <summary>Queries <c>Status</c> until <paramref name="condition"/> holds.</summary>
    public static async Task<CancelStatus> WaitForAsync(WorkflowHandle handle, Func<CancelStatus, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(condition);
        CancelStatus? last = null;
        return await WaitUntilAsync(
            async () =>
            {
                last = await handle.QueryAsync<CancelStatus>(TemporalNames.StatusQuery, []);
                return condition(last) ? last : null;
            },
            () => $"the status did not get there; last: {(last is null ? "none" : Story(last))}");
    }

    /// <summary>Polls until <paramref name="probe"/> returns something.</summary>
    public static Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe, string failure)
        where T : class => WaitUntilAsync(probe, () => failure);

    public static async Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe, Func<string> failure)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(failure);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{failure()} (waited 60 s)");
            await Task.Delay(100);
        }
    }

    /// <summary>The outcome and every step, for failure messages.</summary>
    public static string Story(CancelStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return $"outcome {status.Outcome}: {string.Join(" | ", status.Steps.Select(s => $"{s.Name}: {s.Detail}"))}";
    }
}
