using System.Runtime.InteropServices;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>Signals the way an operator or a crash would: SIGTERM to a process, SIGKILL to a whole process group.</summary>
public static partial class PosixSignals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>Linux numbering (x86-64 and arm64).</summary>
    public const int SigCont = 18;
    public const int SigStop = 19;

    public static void Terminate(int pid) => Send(pid, SigTerm);

    /// <summary>SIGKILL to a single process (its children, e.g. the dev server, live on).</summary>
    public static void Kill(int pid) => Send(pid, SigKill);

    /// <summary>SIGKILL to every process of the group, as a crash of the whole service would.</summary>
    public static void KillGroup(int processGroupId) => Send(-processGroupId, SigKill);

    /// <summary>SIGSTOP: the process freezes (its sockets stay open, nothing answers) until SIGCONT or SIGKILL.</summary>
    public static void Freeze(int pid) => Send(pid, SigStop);

    /// <summary>SIGCONT: a frozen process runs on.</summary>
    public static void Thaw(int pid) => Send(pid, SigCont);

    /// <summary>The process group of <paramref name="pid"/> (field 5 of /proc/&lt;pid&gt;/stat).</summary>
    public static int ProcessGroupOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(afterName[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Send(int pid, int signal)
    {
        if (SysKill(pid, signal) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            const int NoSuchProcess = 3;
            if (errno != NoSuchProcess)
            {
                throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {errno}");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int sig);
}
