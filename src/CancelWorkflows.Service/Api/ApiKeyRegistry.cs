using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The callers allowed to use the API: <c>Api:ApiKeys:&lt;caller&gt;</c> (SHA-256 hex of the key) with the roles of
/// <c>Api:Callers:&lt;caller&gt;:Roles</c>, and, in dev mode, the dev API key as caller <c>dev</c>, an operator. Presented
/// keys are hashed and compared in constant time against every entry.
/// </summary>
public sealed class ApiKeyRegistry
{
    public const string DevCaller = "dev";

    private readonly (ApiCaller Caller, byte[] Hash)[] callers;

    public ApiKeyRegistry(IOptions<ApiOptions> options, ServiceMode mode)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mode);
        var api = options.Value;
        var entries = api.ApiKeys.Select(e => (Caller(e.Key, api.RolesOf(e.Key)), Convert.FromHexString(e.Value))).ToList();
        if (mode.DevMode is { } dev)
        {
            entries.Add((Caller(DevCaller, [ApiRoles.Operator]), Hash(dev.DevApiKey)));
        }

        callers = [.. entries];
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key ?? string.Empty));

    /// <summary>The caller whose key this is, or null. Looks at every entry, so timing does not tell which one matched.</summary>
    public ApiCaller? FindCaller(string presentedKey)
    {
        var presented = Hash(presentedKey);
        ApiCaller? found = null;
        foreach (var (caller, hash) in callers)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                found ??= caller;
            }
        }

        return found;
    }

    /// <summary>Every caller is a <see cref="ApiRoles.Caller"/>; configured roles are added (validated at start).</summary>
    private static ApiCaller Caller(string name, IEnumerable<string> roles) =>
        new(name, roles.Select(ApiRoles.Known).OfType<string>().Append(ApiRoles.Caller).ToHashSet(StringComparer.Ordinal));
}
