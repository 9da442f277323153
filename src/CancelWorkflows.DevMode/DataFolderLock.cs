using System.Globalization;

namespace CancelWorkflows.DevMode;

/// <summary>
/// One dev mode per data folder: an exclusive lock on <c>&lt;data&gt;/dev-mode.lock</c> (an OS file lock, so it is
/// released when the process dies, even by SIGKILL). Holding it also tells start-up that any dev server still using this
/// folder's database is a leftover, not another instance's.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream stream;

    private DataFolderLock(FileStream stream) => this.stream = stream;

    /// <exception cref="DevModeRefusedException">Another process holds the lock.</exception>
    public static DataFolderLock Acquire(string dataDir)
    {
        var lockPath = Path.Combine(dataDir, "dev-mode.lock");
        var pidPath = Path.Combine(dataDir, "dev-mode.pid");
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = File.Exists(pidPath) ? File.ReadAllText(pidPath).Trim() : "unknown";
            throw new DevModeRefusedException(
                $"The data folder {dataDir} is in use by another CancelWorkflows dev mode (pid {owner}). " +
                "Stop that one, or give this one its own folder with DevMode:DataDir (e.g. DevMode__DataDir=.cancelworkflows-2).",
                DevModeRefusal.EnvironmentInUse);
        }

        // The pid is informational (for the message above); the lock itself is what counts.
        File.WriteAllText(pidPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new DataFolderLock(stream);
    }

    public void Dispose() => stream.Dispose();
}
