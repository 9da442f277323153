using CancelWorkflows.Service.Hosting;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Checks <c>Api:ApiKeys</c>: every entry a SHA-256 hex digest, and at least one in a process that serves the API
/// outside dev mode.</summary>
public sealed class ApiOptionsValidator(ServiceMode mode) : IValidateOptions<ApiOptions>
{
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
        }

        if (mode.Runs(ServiceRoles.Api) && !mode.IsDevMode && options.ApiKeys.Count == 0)
        {
            failures.Add("Api:ApiKeys has no caller, so nobody could use the API; set Api:ApiKeys:<caller> to the SHA-256 hex of that caller's key.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
