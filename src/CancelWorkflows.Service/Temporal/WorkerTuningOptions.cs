using Microsoft.Extensions.Options;
using Temporalio.Worker;

namespace CancelWorkflows.Service.Temporal;

/// <summary>
/// Configuration section <c>Temporal:Worker</c>: the hosted worker's capacity. The workflow cache matters most: every
/// cancellation waits its watch window (25 h) after its outcome, and the SDK's default cache (10,000) keeps each such
/// sleeping workflow in memory (P4, 10,000 holds: the worker grew past 1.1 GB with it). 500 holds every cancellation in
/// flight (a promotion runs at most <c>Promotions:MaxParallelLimit</c> at once, 50 by default) plus room; an evicted
/// workflow is replayed from its short history (about 25 events) when its timer or a notification wakes it.
/// </summary>
public sealed class WorkerTuningOptions
{
    public const string Section = "Temporal:Worker";

    /// <summary>Workflows kept in memory between their tasks (SDK default 10,000).</summary>
    public int MaxCachedWorkflows { get; set; } = 500;

    /// <summary>Workflow tasks run at once (SDK default 100).</summary>
    public int MaxConcurrentWorkflowTasks { get; set; } = 100;

    /// <summary>Activities run at once (SDK default 100).</summary>
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>Long polls for workflow tasks held open at once (SDK default 5: 4 on this worker's sticky queue, 1 on
    /// <c>cancel-payments</c>). A poll waits up to a minute for a task; more pollers only help a worker whose slots sit
    /// idle while tasks wait on the queue (schedule-to-start latency), so scale out with workers first.</summary>
    public int MaxConcurrentWorkflowTaskPolls { get; set; } = 5;

    /// <summary>Long polls for activity tasks held open at once (SDK default 5).</summary>
    public int MaxConcurrentActivityTaskPolls { get; set; } = 5;

    /// <summary>Callbacks and support webhook deliveries run at once, on the callback worker (its own slots: a slow
    /// endpoint holds one for at most <c>Outbound:CallbackTimeout</c> / <c>Support:Timeout</c>).</summary>
    public int MaxConcurrentCallbacks { get; set; } = 50;

    public void ApplyTo(TemporalWorkerOptions worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        worker.MaxCachedWorkflows = MaxCachedWorkflows;
        worker.MaxConcurrentWorkflowTasks = MaxConcurrentWorkflowTasks;
        worker.MaxConcurrentActivities = MaxConcurrentActivities;
        worker.MaxConcurrentWorkflowTaskPolls = MaxConcurrentWorkflowTaskPolls;
        worker.MaxConcurrentActivityTaskPolls = MaxConcurrentActivityTaskPolls;
    }

    /// <summary>Refuses values the worker cannot run with; each message names its setting.</summary>
    public sealed class Validator : IValidateOptions<WorkerTuningOptions>
    {
        public ValidateOptionsResult Validate(string? name, WorkerTuningOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var failures = new List<string>();
            if (options.MaxCachedWorkflows is < 0 or > 100_000)
            {
                failures.Add("Temporal:Worker:MaxCachedWorkflows must be between 0 (no cache) and 100000 (default 500).");
            }

            if (options.MaxConcurrentWorkflowTasks is < 2 or > 10_000)
            {
                failures.Add("Temporal:Worker:MaxConcurrentWorkflowTasks must be between 2 and 10000 (default 100).");
            }

            if (options.MaxConcurrentActivities is < 1 or > 10_000)
            {
                failures.Add("Temporal:Worker:MaxConcurrentActivities must be between 1 and 10000 (default 100).");
            }

            // A poll takes a slot's task; more polls than slots would only wait for a free slot.
            if (options.MaxConcurrentWorkflowTaskPolls < 1 || options.MaxConcurrentWorkflowTaskPolls > Math.Min(100, options.MaxConcurrentWorkflowTasks))
            {
                failures.Add("Temporal:Worker:MaxConcurrentWorkflowTaskPolls must be between 1 and 100, and at most Temporal:Worker:MaxConcurrentWorkflowTasks (default 5).");
            }

            if (options.MaxConcurrentActivityTaskPolls < 1 || options.MaxConcurrentActivityTaskPolls > Math.Min(100, options.MaxConcurrentActivities))
            {
                failures.Add("Temporal:Worker:MaxConcurrentActivityTaskPolls must be between 1 and 100, and at most Temporal:Worker:MaxConcurrentActivities (default 5).");
            }

            if (options.MaxConcurrentCallbacks is < 1 or > 10_000)
            {
                failures.Add("Temporal:Worker:MaxConcurrentCallbacks must be between 1 and 10000 (default 50).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
