namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// Process tests whose subject is time: SIGKILL and restart, scale-out, dev-mode restarts, Temporal's own metrics. One at
/// a time, alone: each brings up dev servers, simulators and workers and measures what happens within timeouts, and the
/// machine has two cores shared with the other test assemblies. A test that only starts a process and reads its answer
/// or exit code (a refused start, the Release publish) runs beside other collections instead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceProcessCollection
{
    public const string Name = "Service processes";
}
