using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CancelWorkflows.DevMode;

/// <summary>
/// Finds and stops Temporal dev servers left running on this data folder's database by a dev mode that was killed
/// (SIGKILL of the service alone leaves its dev server child running, holding the ports and the SQLite file).
/// Only called while holding the data folder's lock, so such a server can belong to no live dev mode. Linux only
/// (it reads /proc); elsewhere the port check reports the leftover instead.
/// </summary>
public static class StaleDevServers
{
    public static IReadOnlyList<int> Stop(string databasePath, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return [];
        }

        var stopped = new List<int>();
        foreach (var pid in Find(Path.GetFullPath(databasePath)))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                // SIGKILL: the server's SQLite database survives it (the same happens when the whole group is killed).
                process.Kill();
                process.WaitForExit(wait);
                stopped.Add(pid);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to stop; the port check that follows reports what is still in the way.
            }
        }

        return stopped;
    }

    /// <summary>Processes whose command line is <c>... server start-dev ... --db-filename &lt;databasePath&gt;</c>.</summary>
    public static IEnumerable<int> Find(string databasePath)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string[] args;
            try
            {
                args = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "cmdline"))).Split('\0');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (args.Contains("start-dev") && UsesDatabase(args, databasePath))
            {
                yield return pid;
            }
        }
    }

    private static bool UsesDatabase(string[] args, string databasePath)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var value = args[i] == "--db-filename" && i + 1 < args.Length ? args[i + 1]
                : args[i].StartsWith("--db-filename=", StringComparison.Ordinal) ? args[i]["--db-filename=".Length..]
                : null;
            if (value is not null && string.Equals(Path.GetFullPath(value), databasePath, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
