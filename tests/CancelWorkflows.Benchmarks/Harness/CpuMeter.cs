using System.Diagnostics;
using System.Globalization;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>
/// CPU time spent between two points, split into this process (worker, Antom client, simulator, Temporal client), its
/// child processes (the Temporal dev server) and the whole machine (everyone else on it too: other builds and tests).
/// Linux only (/proc); elsewhere the child and machine figures are reported as unknown.
/// </summary>
public sealed class CpuMeter
{
    private readonly TimeSpan self;
    private readonly TimeSpan children;
    private readonly (long Busy, long Total)? machine;
    private readonly long started;

    private CpuMeter()
    {
        started = Timing.Now();
        self = Process.GetCurrentProcess().TotalProcessorTime;
        children = ChildrenCpu();
        machine = MachineJiffies();
    }

    public static CpuMeter Start() => new();

    public CpuUsage Stop()
    {
        var wallMs = Timing.MsSince(started);
        var selfMs = (Process.GetCurrentProcess().TotalProcessorTime - self).TotalMilliseconds;
        var childMs = (ChildrenCpu() - children).TotalMilliseconds;
        double? machineBusy = null;
        if (machine is { } before && MachineJiffies() is { } after && after.Total > before.Total)
        {
            // Busy share of all cores, scaled to "cores busy" (0..ProcessorCount).
            machineBusy = (double)(after.Busy - before.Busy) / (after.Total - before.Total) * Environment.ProcessorCount;
        }

        return new(wallMs, selfMs, childMs, machineBusy);
    }

    /// <summary>CPU time of the direct children of this process (the dev server the SDK started).</summary>
    private static TimeSpan ChildrenCpu()
    {
        var total = TimeSpan.Zero;
        foreach (var pid in ChildPids())
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                total += p.TotalProcessorTime;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // gone meanwhile
            }
        }

        return total;
    }

    public static IReadOnlyList<int> ChildPids()
    {
        var result = new List<int>();
        if (!Directory.Exists("/proc"))
        {
            return result;
        }

        var me = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so split after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) && ppid == me)
                {
                    result.Add(pid);
                }
            }
            catch (IOException)
            {
                // process ended while reading
            }
            catch (UnauthorizedAccessException)
            {
                // not ours
            }
        }

        return result;
    }

    /// <summary>(busy, total) jiffies of all cores from /proc/stat; busy excludes idle and iowait.</summary>
    private static (long Busy, long Total)? MachineJiffies()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var total = values.Sum();
            var idle = values[3] + values[4];
            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>CPU spent over <see cref="WallMs"/>: this process, the dev server, and the machine's busy cores (everyone).</summary>
public sealed record CpuUsage(double WallMs, double SelfMs, double DevServerMs, double? MachineBusyCores)
{
    /// <summary>Cores kept busy by others (machine minus this process and the dev server): the noise from other work.</summary>
    public double? OthersBusyCores => MachineBusyCores is { } m && WallMs > 0
        ? Math.Max(0, m - ((SelfMs + DevServerMs) / WallMs))
        : null;
}
