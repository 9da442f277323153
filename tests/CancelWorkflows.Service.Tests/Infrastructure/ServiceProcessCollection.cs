namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// Process tests whose subject is time: SIGKILL and restart, scale-out, dev-mode restarts, graceful shutdown
/// (Service.ProcessTests), and cancelctl against a dev mode (Cli.Tests), which link this file. One at a time: each brings
/// up dev servers, simulators and workers and measures what happens within timeouts. A test that only starts a process
/// and reads its answer or exit code (a refused start, the Release publish) stays in Service.Tests and runs beside other
/// collections there.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceProcessCollection
{
    public const string Name = "Service processes";
}
