using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>
/// A program of this repository as a child process (<c>dotnet CancelWorkflows.Service.dll</c> in production mode, or the
/// Antom simulator), so its memory and CPU are measured alone: peak RSS is the kernel's high-water mark (<c>VmHWM</c> in
/// /proc). Configuration only from the given environment variables (the hosting environment Production unless given).
/// </summary>
public sealed class ProjectProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lastLines = [];
    private readonly List<string> awaited = [];
    private readonly HashSet<string> printed = [];
    private readonly Lock gate = new();

    public const string Service = "CancelWorkflows.Service";
    public const string Simulator = "CancelWorkflows.AntomSimulator";

    private ProjectProcess(Process process, string dllPath)
    {
        this.process = process;
        DllPath = dllPath;
    }

    public string DllPath { get; }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public string Tail
    {
        get
        {
            lock (gate)
            {
                return string.Join(Environment.NewLine, lastLines);
            }
        }
    }

    /// <summary>The service itself with these settings.</summary>
    public static ProjectProcess Start(IReadOnlyDictionary<string, string> settings) => Start(Service, settings);

    /// <summary>A program of <c>src/&lt;project&gt;</c>, built in this benchmark's configuration.</summary>
    public static ProjectProcess Start(string project, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = FindDll(project);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        process.Start();
        var service = new ProjectProcess(process, dll);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Resident set now and at its peak, in MiB (Linux /proc; null elsewhere).</summary>
    public (double? Now, double? Peak) Memory()
    {
        try
        {
            var lines = File.ReadAllLines($"/proc/{Pid}/status");
            return (Kib(lines, "VmRSS:") / 1024, Kib(lines, "VmHWM:") / 1024);
        }
        catch (IOException)
        {
            return (null, null);
        }
    }

    /// <summary>CPU time the service used so far (user + system), in seconds (Linux /proc; null elsewhere).</summary>
    public double? CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime), in clock ticks of 1/100 s.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True once a line containing <paramref name="text"/> was printed (it stays among the last 40 lines until then).</summary>
    public bool Printed(string text)
    {
        lock (gate)
        {
            return printed.Contains(text) || lastLines.Exists(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>Waits until a line containing <paramref name="text"/> was printed; throws with the tail if the process
    /// ends or <paramref name="timeout"/> passes first.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        lock (gate)
        {
            awaited.Add(text);
        }

        var deadline = Timing.Now();
        while (!Printed(text))
        {
            if (process.HasExited || Timing.MsSince(deadline) > timeout.TotalMilliseconds)
            {
                throw new InvalidOperationException($"{Path.GetFileName(DllPath)} (pid {Pid}) did not print '{text}'{(process.HasExited ? $", exited {process.ExitCode}" : $" within {timeout.TotalSeconds} s")}:{Environment.NewLine}{Tail}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL, as a crash: no stop, nothing reported.</summary>
    public void Kill() => process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            // Longer than the worker's default Service:ShutdownGrace (30 s) plus the host's margin.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    private static double? Kib(string[] lines, string key) =>
        lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : null;

    /// <summary>The project's own build output in the same configuration, else the copy beside this program.</summary>
    private static string FindDll(string project)
    {
        var configuration = typeof(ProjectProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CancelWorkflows.sln")))
        {
            dir = dir.Parent;
        }

        var own = dir is null ? null : Path.Combine(dir.FullName, "src", project, "bin", configuration, "net10.0", project + ".dll");
        if (own is not null && File.Exists(own))
        {
            return own;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, project + ".dll");
        return File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))
            ? beside
            : throw new InvalidOperationException($"{project}.dll is not built ({configuration}): dotnet build -c {configuration} src/{project}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            foreach (var text in awaited.Where(t => line.Contains(t, StringComparison.Ordinal)))
            {
                printed.Add(text);
            }

            lastLines.Add(line);
            if (lastLines.Count > 40)
            {
                lastLines.RemoveAt(0);
            }
        }
    }
}
