using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.ProcessTests.Roles;

/// <summary>One <see cref="RoleCluster"/> (Temporal dev server + simulator) shared by the role process tests.</summary>
public sealed class RoleClusterFixture : IAsyncLifetime
{
    private RoleCluster? cluster;

    public RoleCluster Cluster => cluster ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => cluster = await RoleCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

/// <summary>The tests that run the service's roles as processes against one cluster, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RoleClusterCollection : ICollectionFixture<RoleClusterFixture>
{
    public const string Name = "Role processes";
}
