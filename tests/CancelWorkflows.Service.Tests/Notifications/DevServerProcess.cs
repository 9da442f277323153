using System.Globalization;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>The Temporal dev server that dev mode started: the service's child process running <c>temporal</c>.</summary>
public static class DevServerProcess
{
    public static int Find(int servicePid)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (parent == servicePid && name.StartsWith("temporal", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // ended while reading
            }
        }

        throw new InvalidOperationException($"No Temporal dev server is a child of process {servicePid}.");
    }
}
