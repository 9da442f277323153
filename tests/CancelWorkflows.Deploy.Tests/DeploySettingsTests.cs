using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.ServiceDefaults;

namespace CancelWorkflows.Deploy.Tests;

/// <summary>
/// Every setting deploy/ gives the service (compose environment, Kubernetes env and ConfigMap data, commented examples
/// included) is one the service binds: a misspelt key is silently ignored by .NET configuration, so a deployment would
/// run on a default (or refuse to start for a setting it was given under another name). The service's options classes
/// are the reference, read by reflection, so the check follows the code.
/// </summary>
public sealed partial class DeploySettingsTests
{
    // Read by the runtime, ASP.NET or the OpenTelemetry SDK, not by an options class of the service.
    private static readonly string[] PlatformKeys =
        ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES"];

    // Read by the service straight from configuration, not through an options class.
    private static readonly string[] ServiceKeys = [ManagementPort.UrlsSetting.Replace(":", "__", StringComparison.Ordinal)];

    [Fact]
    public void Settings_EveryKeyDeploySets_IsBoundByTheService()
    {
        var settings = DeploySettings().ToList();
        Assert.Contains(settings, s => s.Key == "Service__Roles");
        Assert.Contains(settings, s => s.Key == "Temporal__ClientCertPath");

        var unbound = settings.Where(s => !IsKnown(s.Key)).Select(s => $"{s.File}: {s.Key}").Distinct().ToList();

        Assert.True(unbound.Count == 0, "settings deploy/ sets that the service does not bind:\n" + string.Join('\n', unbound));
    }

    [Theory]
    [InlineData("Temporal__Adress")]
    [InlineData("Service__Role")]
    [InlineData("Antom__MerchantPrivateKeyPath__Extra")]
    [InlineData("Temporal__IsDevMode")]
    [InlineData("DevMode__TemporalPort")]
    [InlineData("Simulator__DefaultClientId")]
    public void IsKnown_MisspeltReadOnlyOrDevModeKey_IsNot(string key) => Assert.False(IsKnown(key));

    [Theory]
    [InlineData("Api__ApiKeys__booking")]
    [InlineData("Api__Callers__booking__Roles__0")]
    [InlineData("Temporal__Worker__MaxCachedWorkflows")]
    [InlineData("temporal__address")]
    [InlineData("Management__Urls")]
    public void IsKnown_BoundKey_Is(string key) => Assert.True(IsKnown(key));

    private static bool IsKnown(string key)
    {
        if (PlatformKeys.Contains(key, StringComparer.Ordinal) || ServiceKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var path = key.Split("__");
        return OptionsSections().Any(section =>
        {
            var prefix = section.Path.Split(':');
            return path.Length > prefix.Length
                && prefix.Select((p, i) => string.Equals(p, path[i], StringComparison.OrdinalIgnoreCase)).All(x => x)
                && Binds(section.Type, path.AsSpan(prefix.Length));
        });
    }

    /// <summary>Whether the configuration binder would set something of <paramref name="type"/> from this path.</summary>
    private static bool Binds(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return IsLeaf(type);
        }

        if (IsLeaf(type))
        {
            return false;
        }

        // A dictionary's key and a list's index are free segments.
        if (GenericArgument(type, typeof(IDictionary<,>), 1) is { } value)
        {
            return Binds(value, path[1..]);
        }

        if (type.IsArray || GenericArgument(type, typeof(IEnumerable<>), 0) is not null)
        {
            var element = type.IsArray ? type.GetElementType()! : GenericArgument(type, typeof(IEnumerable<>), 0)!;
            return int.TryParse(path[0], out _) && Binds(element, path[1..]);
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || (property.SetMethod?.IsPublic != true && IsLeaf(property.PropertyType)))
        {
            return false;
        }

        return Binds(property.PropertyType, path[1..]);
    }

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(Uri) || t == typeof(DateTimeOffset) || t == typeof(DateTime);
    }

    private static Type? GenericArgument(Type type, Type generic, int index)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var match = type.IsGenericType && type.GetGenericTypeDefinition() == generic
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
        return match?.GetGenericArguments()[index];
    }

    /// <summary>Every options class of the production service: a public constant <c>Section</c> or <c>SectionName</c>
    /// in the service's assemblies (dev mode's and the simulator's are not among them: a deployment must not set those).</summary>
    private static IEnumerable<(string Path, Type Type)> OptionsSections() =>
        new[] { typeof(ApiOptions).Assembly, typeof(AntomClientOptions).Assembly, typeof(CancelWorkflows.Workflows.TemporalNames).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract)
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static) ?? t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type));

    private static IEnumerable<(string File, string Key)> DeploySettings()
    {
        var deploy = Path.Combine(RepositoryRoot(), "deploy");
        var files = Directory.EnumerateFiles(deploy, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (SettingLine().Match(line) is { Success: true } m)
                {
                    yield return (Path.GetRelativePath(deploy, file), m.Groups["key"].Value);
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CancelWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CancelWorkflows.sln not found above " + AppContext.BaseDirectory);
    }

    // `Key__Sub: value` (compose environment, ConfigMap data, commented examples), `- Key__Sub=value`, `name: Key__Sub`
    // (Kubernetes env), and the platform's own upper-case keys.
    [GeneratedRegex(@"^\s*(?:#\s*)?(?:-\s*)?(?:name:\s*)?(?<key>[A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+|ASPNETCORE_[A-Z_]+|DOTNET_[A-Z_]+|OTEL_[A-Z_]+)\s*(?:[:=]|$)")]
    private static partial Regex SettingLine();
}
