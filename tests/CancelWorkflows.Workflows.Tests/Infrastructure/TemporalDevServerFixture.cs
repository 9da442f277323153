using Temporalio.Client;
using Temporalio.Testing;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>One real Temporal dev server for the whole test run, with the project's search attributes registered
/// (from temporal-config/search-attributes.txt). Tests use a fresh task queue each.</summary>
public sealed class TemporalDevServerFixture : IAsyncLifetime
{
    private WorkflowEnvironment? environment;

    public WorkflowEnvironment Environment => environment ?? throw new InvalidOperationException("Dev server not started.");

    public ITemporalClient Client => Environment.Client;

    public async Task InitializeAsync()
    {
        environment = await WorkflowEnvironment.StartLocalAsync(new()
        {
            SearchAttributes = CancelSearchAttributes.All,
            DevServerOptions = new()
            {
                ExistingPath = TemporalBinaries.DevServerPath,
                StartupTimeout = TimeSpan.FromSeconds(60),
                ExtraArgs =
                [
                    // Search attributes registered at start are usable at once (no cache delay).
                    "--dynamic-config-value", "system.forceSearchAttributesCacheRefreshOnRead=true",
                ],
            },
        });
    }

    public async Task DisposeAsync()
    {
        if (environment is not null)
        {
            await environment.ShutdownAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TemporalDevServerCollection : ICollectionFixture<TemporalDevServerFixture>
{
    public const string Name = "Temporal dev server";
}
