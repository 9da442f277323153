using System.Reflection;

namespace CancelWorkflows.Cli.Tests.Infrastructure;

/// <summary>The built <c>cancelctl.dll</c>, run as <c>dotnet cancelctl.dll</c> the way <c>dotnet run</c> would.</summary>
public static class CancelCtlBinary
{
    public static string DllPath { get; } = Find();

    private static string Find()
    {
        // The CLI project's own output (same configuration and framework as this test assembly).
        var configuration = typeof(CancelCtlBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var own = Path.Combine(RepositoryRoot(), "src", "CancelWorkflows.Cli", "bin", configuration, framework, "cancelctl.dll");
        if (File.Exists(own))
        {
            return own;
        }

        // Else the copy beside the tests (the project reference copies it with its runtimeconfig and deps).
        var beside = Path.Combine(AppContext.BaseDirectory, "cancelctl.dll");
        return File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))
            ? beside
            : throw new InvalidOperationException($"cancelctl.dll is not built: looked at {own} and {beside}.");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CancelWorkflows.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CancelWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}
