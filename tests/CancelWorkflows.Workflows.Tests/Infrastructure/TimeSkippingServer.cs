using Temporalio.Testing;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>Starts the time-skipping test server (for long timers: watch window, SLAs). One per test: it is not
/// thread-safe and its clock is global to the server.</summary>
public static class TimeSkippingServer
{
    public static Task<WorkflowEnvironment> StartAsync() =>
        WorkflowEnvironment.StartTimeSkippingAsync(new()
        {
            TestServer = new()
            {
                ExistingPath = TemporalBinaries.TestServerPath,
                StartupTimeout = TimeSpan.FromSeconds(60),
            },
        });

    public static string NewTaskQueue() => $"tq-{Guid.NewGuid()}";
}
