namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>
/// A bound on one test's worker run. A run whose server went away mid-test (every later call "connection refused")
/// can outlive any test: the result's long poll retries and the worker's graceful stop waits on polls that never end.
/// Bounded, that test fails with a timeout and the rest of the assembly runs; unbounded, the whole assembly waited for
/// the hang timeout with no test to show for it.
/// </summary>
public static class WorkerRuns
{
    /// <summary>Far beyond the slowest run seen on a loaded machine (about a minute).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public static Task WithinDeadline(this Task run) => run.WaitAsync(Deadline);

    public static Task<T> WithinDeadline<T>(this Task<T> run) => run.WaitAsync(Deadline);
}
