using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.DevMode;

/// <summary>
/// Dev mode's trace and metrics viewer: the standalone Aspire dashboard (NuGet <c>Aspire.Dashboard.Sdk.linux-x64</c>, a
/// self-contained executable in the package's <c>tools/</c>), a child process with its UI on <c>DevMode:DashboardUrl</c>
/// and OTLP/gRPC on <c>DevMode:DashboardOtlpUrl</c>, anonymous, memory only. Marked with the data folder in its
/// environment, so a dashboard left running by a killed dev mode is found and stopped on the next start (as the dev
/// server is).
/// </summary>
public sealed class AspireDashboard : IAsyncDisposable
{
    /// <summary>Environment variable naming the data folder of the dev mode that started the dashboard.</summary>
    public const string OwnerVariable = "CANCELWORKFLOWS_DEV_MODE_DATA_DIR";

    private readonly Process process;

    private AspireDashboard(Process process) => this.process = process;

    /// <summary>The executable: <c>DevMode:DashboardPath</c> if set, else the restored package's; null when neither is there.</summary>
    public static string? FindExecutable(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath) ? Path.GetFullPath(configuredPath) : null;
        }

        var package = typeof(AspireDashboard).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AspireDashboardPackage")?.Value;
        var candidate = string.IsNullOrWhiteSpace(package) ? null : Path.Combine(package, "tools", "Aspire.Dashboard");
        return OperatingSystem.IsLinux() && candidate is not null && File.Exists(candidate) ? candidate : null;
    }

    /// <summary>Starts it and waits until its UI answers (at most <paramref name="timeout"/>).</summary>
    public static async Task<AspireDashboard> StartAsync(string executable, string url, string otlpUrl, string dataDir, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute))
        {
            // NuGet extracts files without their execute bit.
            File.SetUnixFileMode(executable, File.GetUnixFileMode(executable) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = otlpUrl;
        start.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";
        start.Environment["DOTNET_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";
        start.Environment[OwnerVariable] = Path.GetFullPath(dataDir);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        process.OutputDataReceived += (_, e) => Log(logger, e.Data);
        process.ErrorDataReceived += (_, e) => Log(logger, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var dashboard = new AspireDashboard(process);
        try
        {
            await WaitUntilAnsweringAsync(process, url, timeout, cancellationToken);
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops dashboards a killed dev mode on <paramref name="dataDir"/> left running; their pids.</summary>
    public static IReadOnlyList<int> StopStale(string dataDir, TimeSpan wait)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return [];
        }

        var marker = $"{OwnerVariable}={Path.GetFullPath(dataDir)}";
        var stopped = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (!Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "environ"))).Split('\0').Contains(marker))
                {
                    continue;
                }

                using var stale = Process.GetProcessById(pid);
                stale.Kill();
                stale.WaitForExit(wait);
                stopped.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone, or not ours to read or stop.
            }
        }

        return stopped;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static async Task WaitUntilAnsweringAsync(Process process, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Aspire dashboard exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(url), cancellationToken);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The Aspire dashboard did not answer on {url} within {timeout}.");
                }
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static void Log(ILogger logger, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            logger.LogDebug("Aspire dashboard: {Line}", line);
        }
    }
}
