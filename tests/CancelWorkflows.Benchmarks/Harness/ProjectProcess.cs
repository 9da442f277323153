using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace CancelWorkflows.Benchmarks.Promotions;

/// <summary>
/// The service itself (<c>dotnet CancelWorkflows.Service.dll</c>, production mode: API + the one hosted worker) as a child
/// process, so its memory is measured alone: peak RSS is the kernel's high-water mark (<c>VmHWM</c> in /proc).
/// </summary>
public sealed class ServiceWorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lastLines = [];
    private readonly Lock gate = new();

    private ServiceWorkerProcess(Process process, string dllPath)
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

    public static ServiceWorkerProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = FindServiceDll();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        process.Start();
        var service = new ServiceWorkerProcess(process, dll);
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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
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

    /// <summary>The service's own build output in the same configuration, else the copy beside this program.</summary>
    private static string FindServiceDll()
    {
        var configuration = typeof(ServiceWorkerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CancelWorkflows.sln")))
        {
            dir = dir.Parent;
        }

        var own = dir is null ? null : Path.Combine(dir.FullName, "src", "CancelWorkflows.Service", "bin", configuration, "net10.0", "CancelWorkflows.Service.dll");
        if (own is not null && File.Exists(own))
        {
            return own;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "CancelWorkflows.Service.dll");
        return File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))
            ? beside
            : throw new InvalidOperationException($"CancelWorkflows.Service.dll is not built ({configuration}): dotnet build -c {configuration} src/CancelWorkflows.Service");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lastLines.Add(line);
            if (lastLines.Count > 40)
            {
                lastLines.RemoveAt(0);
            }
        }
    }
}
