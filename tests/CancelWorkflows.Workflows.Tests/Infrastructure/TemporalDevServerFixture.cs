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

/// <summary>The dev-server tests of the cancel workflow itself (eligibility, safety, outbound calls). They and
/// <see cref="SecondDevServerCollection"/> run at the same time, each on a dev server of its own: the tests wait on
/// workflows and timeouts far more than they use the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class TemporalDevServerCollection : ICollectionFixture<TemporalDevServerFixture>
{
    public const string Name = "Temporal dev server";
}

/// <summary>The dev-server tests of late successes, the refund fallback, promotions and several merchants, on a second dev
/// server beside <see cref="TemporalDevServerCollection"/>'s.</summary>
[CollectionDefinition(Name)]
public sealed class SecondDevServerCollection : ICollectionFixture<TemporalDevServerFixture>
{
    public const string Name = "Second Temporal dev server";
}
