using Microsoft.Extensions.Options;
using Temporalio.Extensions.Hosting;

namespace CancelWorkflows.Service.Hosting;

/// <summary>Runs the host and turns how it ended into an exit code and, for start-up errors, a plain message.</summary>
public static class ServiceRunner
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Both taken before running: RunAsync disposes the host's services when it ends.
        var stopping = app.Lifetime.ApplicationStopping;
        TemporalWorkerService? worker = null;
        try
        {
            worker = app.Services.GetServices<IHostedService>().OfType<TemporalWorkerService>().FirstOrDefault();
            await app.RunAsync();
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync(
                "CancelWorkflows cannot start: the configuration is invalid." + Environment.NewLine
                + string.Join(Environment.NewLine, failures.Select(f => "  - " + f)));
            return ExitCodes.InvalidConfiguration;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM while still starting: what was started has been stopped; that is a clean stop.
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            // The host has logged the details; end with one plain line and a non-zero code instead of an abort.
            await Console.Error.WriteLineAsync($"CancelWorkflows stopped: {e.GetBaseException().Message}");
            return ExitCodes.Failure;
        }

        // The worker ending on its own (Temporal unreachable, a fatal worker error) stops the host; say so in the exit code.
        if (worker?.ExecuteTask is { IsFaulted: true } failed)
        {
            await Console.Error.WriteLineAsync($"CancelWorkflows stopped: the Temporal worker failed: {failed.Exception?.GetBaseException().Message}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    /// <summary>The messages of start-up validation failures in <paramref name="e"/>; empty when it is something else.</summary>
    public static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException v => [.. v.Failures],
        AggregateException a when a.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. a.InnerExceptions.Cast<OptionsValidationException>().SelectMany(v => v.Failures)],
        _ => [],
    };
}
