using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Hosting;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>
/// Checks the <c>Api</c> section: every key a SHA-256 hex digest under a caller name that visibility can search, at least one
/// caller in a process that serves the API outside dev mode, only known roles (as a list) and only for callers that have a key, and limits that are numbers.
/// </summary>
public sealed class ApiOptionsValidator(ServiceMode mode, IConfiguration? configuration = null) : IValidateOptions<ApiOptions>
{
    /// <summary>Longest caller name: it is a search attribute value (<c>RequestedBy</c>) and appears in every log line.</summary>
    public const int MaxCallerNameLength = 64;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (caller, hash) in options.ApiKeys)
        {
            if (!IsSha256Hex(hash))
            {
                failures.Add($"Api:ApiKeys:{caller} must be the SHA-256 of the caller's key as 64 hex characters (e.g. `printf %s \"$KEY\" | sha256sum`).");
            }

            if (CallerNameProblem(caller) is { } problem)
            {
                failures.Add($"Api:ApiKeys:{caller}: the caller's name {problem}");
            }
        }

        if (mode.Runs(ServiceRoles.Api) && !mode.IsDevMode && options.ApiKeys.Count == 0)
        {
            failures.Add("Api:ApiKeys has no caller, so nobody could use the API; set Api:ApiKeys:<caller> to the SHA-256 hex of that caller's key.");
        }

        foreach (var (caller, settings) in options.Callers)
        {
            foreach (var role in settings.Roles.Where(r => ApiRoles.Known(r) is null))
            {
                failures.Add($"Api:Callers:{caller}:Roles has '{role}', which is not a role; roles are {string.Join(", ", ApiRoles.All)}.");
            }

            var hasKey = options.ApiKeys.Keys.Any(k => string.Equals(k, caller, StringComparison.OrdinalIgnoreCase))
                || (mode.IsDevMode && string.Equals(caller, ApiKeyRegistry.DevCaller, StringComparison.OrdinalIgnoreCase));
            if (settings.Roles.Count > 0 && !hasKey)
            {
                failures.Add($"Api:Callers:{caller}:Roles gives roles to a caller without an API key (no Api:ApiKeys:{caller}); check the name.");
            }
        }

        // Roles=operator (no index) binds to no role at all: the caller would silently be a plain one.
        foreach (var caller in configuration?.GetSection($"{ApiOptions.Section}:{nameof(ApiOptions.Callers)}").GetChildren() ?? [])
        {
            if (caller.GetSection(nameof(ApiCallerOptions.Roles)).Value is { } scalar)
            {
                failures.Add($"Api:Callers:{caller.Key}:Roles must be a list, one role per entry: Api__Callers__{caller.Key}__Roles__0={scalar} (not Api__Callers__{caller.Key}__Roles={scalar}).");
            }
        }

        var (permits, burst) = options.RateLimit.Effective(mode.IsDevMode);
        if (!(permits > 0 && permits <= ApiRateLimitOptions.MaxPermitsPerSecond))
        {
            failures.Add($"Api:RateLimit:PermitsPerSecond must be a number above 0 and at most {ApiRateLimitOptions.MaxPermitsPerSecond} (requests a second per caller).");
        }

        if (burst < 1 || burst > ApiRateLimitOptions.MaxBurst)
        {
            failures.Add($"Api:RateLimit:Burst must be a whole number from 1 to {ApiRateLimitOptions.MaxBurst} (requests per caller at once).");
        }

        if (options.Wait.MaxConcurrent < 0)
        {
            failures.Add("Api:Wait:MaxConcurrent must be 0 or more (starts that wait for their outcome at once; 0: none waits).");
        }

        if (options.Wait.MaxConcurrentPerCaller < 0)
        {
            failures.Add("Api:Wait:MaxConcurrentPerCaller must be 0 or more (starts of one caller that wait at once; 0: none waits).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Null when the name can be recorded and searched; else why not (the rest of the sentence).</summary>
    public static string? CallerNameProblem(string caller)
    {
        if (string.IsNullOrWhiteSpace(caller) || caller.Length > MaxCallerNameLength)
        {
            return $"must have 1 to {MaxCallerNameLength} characters.";
        }

        // A backslash is read differently by Temporal's visibility stores, so a caller's own listing could not be found.
        return caller.Contains('\\', StringComparison.Ordinal) || IdText.Problem(caller) is not null
            ? "must be visible characters without backslashes (it is recorded as RequestedBy and searched in Temporal visibility)."
            : null;
    }

    private static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
