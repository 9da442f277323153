using System.Diagnostics;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>
/// The service as a real process: <c>setsid dotnet CancelWorkflows.Service.dll</c> in its own process group (so a test
/// can SIGKILL it together with its Temporal dev server child, as a crash would), stdout and stderr captured line by line.
/// Configuration comes only from the given environment: inherited CancelWorkflows settings are removed, and so is the
/// hosting environment (Production unless the test says Development, as dev mode needs).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly string[] OwnSettingPrefixes =
    [
        "Service__", "Temporal__", "DevMode__", "Cancel__", "Antom__", "Api__", "Support__", "Notifications__", "Promotions__",
        "Urls", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "OTEL_",
    ];

    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly Lock gate = new();

    private ServiceProcess(Process process)
    {
        this.process = process;
        Pid = process.Id;
    }

    public int Pid { get; }

    /// <summary>Equal to <see cref="Pid"/>: <c>setsid</c> makes the service the leader of a new group (and the dev server,
    /// its child, a member).</summary>
    public int ProcessGroupId => Pid;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Everything printed so far (stdout and stderr, interleaved as received).</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return string.Join(Environment.NewLine, lines);
            }
        }
    }

    /// <param name="workingDirectory">Where it runs (dev mode's data folder goes there).</param>
    /// <param name="environment">Its whole configuration.</param>
    /// <param name="dllPath">Another build of the service (e.g. a published one); default <see cref="ServiceBinary.DllPath"/>.</param>
    public static ServiceProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string? dllPath = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(dllPath ?? ServiceBinary.DllPath);
        foreach (var key in info.Environment.Keys.Where(k => OwnSettingPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        process.Start();
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>True once a line containing <paramref name="text"/> was printed; false on timeout or if the process ended first.</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Contains(text))
            {
                return true;
            }

            if (process.HasExited)
            {
                // Output may still be draining from the pipe.
                await Task.Delay(200);
                return Contains(text);
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>The exit code, or null when it has not exited within <paramref name="timeout"/>.</summary>
    /// <remarks>Polls rather than awaiting <see cref="Process.WaitForExitAsync"/>, which also waits for the output pipes to
    /// close — and a dev server left alive by a SIGKILL of the service alone keeps them open.</remarks>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (clock.Elapsed > timeout)
            {
                return null;
            }

            await Task.Delay(100);
        }

        await Task.Delay(200); // let the last lines arrive
        return process.ExitCode;
    }

    /// <summary>SIGTERM: the service stops cleanly, its dev server included.</summary>
    public void Terminate() => PosixSignals.Terminate(Pid);

    /// <summary>SIGKILL of the service alone: its dev server child is left running (orphaned).</summary>
    public void KillServiceOnly() => PosixSignals.Kill(Pid);

    /// <summary>SIGKILL of the whole process group: the service and its dev server die at once.</summary>
    /// <remarks>Safe even in the first instant, before setsid has run: no group has the service's pid as its id yet, so
    /// the signal reaches nobody (never the test host's own group).</remarks>
    public void KillProcessGroup() => PosixSignals.KillGroup(ProcessGroupId);

    /// <summary>SIGKILLs the group whatever happened before: the service if still running, and any dev server it orphaned.</summary>
    public async ValueTask DisposeAsync()
    {
        KillProcessGroup();
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private bool Contains(string text)
    {
        lock (gate)
        {
            return lines.Exists(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Add(line);
        }
    }
}
