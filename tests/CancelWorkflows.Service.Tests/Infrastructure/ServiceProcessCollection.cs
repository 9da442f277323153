namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// Tests that run the service or a Temporal server: one at a time, alone. Each brings up a dev server, a simulator and a
/// worker, and the machine has two cores shared with the other test assemblies.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceProcessCollection
{
    public const string Name = "Service processes";
}
