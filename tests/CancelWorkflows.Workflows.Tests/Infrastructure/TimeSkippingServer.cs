using Temporalio.Api.OperatorService.V1;
using Temporalio.Testing;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>Starts the time-skipping test server (for long timers: watch window, SLAs). One per test: it is not
/// thread-safe and its clock is global to the server.</summary>
public static class TimeSkippingServer
{
    public static async Task<WorkflowEnvironment> StartAsync()
    {
        var env = await WorkflowEnvironment.StartTimeSkippingAsync(new()
        {
            TestServer = new()
            {
                ExistingPath = TemporalBinaries.TestServerPath,
                StartupTimeout = TimeSpan.FromSeconds(60),
            },
        });

        // The test server has no start option for search attributes; without them every upsert fails the workflow task.
        var request = new AddSearchAttributesRequest { Namespace = env.Client.Options.Namespace };
        foreach (var (name, type) in CancelSearchAttributes.Definitions)
        {
            request.SearchAttributes[name] = CancelSearchAttributes.ToIndexedValueType(type);
        }

        await env.Client.Connection.OperatorService.AddSearchAttributesAsync(request);
        return env;
    }

    public static string NewTaskQueue() => $"tq-{Guid.NewGuid()}";
}
