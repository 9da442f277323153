using System.Reflection;

namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>The built <c>CancelWorkflows.Service.dll</c>, run as <c>dotnet &lt;dll&gt;</c> like a deployment would.</summary>
public static class ServiceBinary
{
    public static string DllPath { get; } = Find();

    private static string Find()
    {
        // The service project's own output (same configuration and framework as this test assembly).
        var configuration = typeof(ServiceBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var own = Path.Combine(RepositoryRoot(), "src", "CancelWorkflows.Service", "bin", configuration, framework, "CancelWorkflows.Service.dll");
        if (File.Exists(own))
        {
            return own;
        }

        // Else the copy beside the tests (the project reference copies it with its runtimeconfig and deps).
        var beside = Path.Combine(AppContext.BaseDirectory, "CancelWorkflows.Service.dll");
        return File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))
            ? beside
            : throw new InvalidOperationException($"CancelWorkflows.Service.dll is not built: looked at {own} and {beside}.");
    }

    /// <summary>The folder with CancelWorkflows.sln above this test assembly.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CancelWorkflows.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CancelWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}
