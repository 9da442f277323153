using System.Diagnostics;
using CancelWorkflows.Cli.Hosting;

namespace CancelWorkflows.Cli.Tests.Infrastructure;

/// <summary>
/// cancelctl as a real process (<c>dotnet cancelctl.dll …</c>) in a chosen working directory. Inherited CancelWorkflows
/// variables are removed, so only the given arguments and variables configure it.
/// </summary>
public static class CancelCtlProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    public static async Task<CliRun> RunAsync(
        string workingDirectory,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CancelCtlBinary.DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove(GlobalOptions.UrlVariable);
        info.Environment.Remove(GlobalOptions.ApiKeyVariable);
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cancelctl {string.Join(' ', args)} did not exit within {timeout ?? DefaultTimeout}. Output so far: {await stdout}{await stderr}");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
