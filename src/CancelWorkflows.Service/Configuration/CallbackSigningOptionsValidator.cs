using CancelWorkflows.Workflows.Activities;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Checks <c>Api:Callers:&lt;caller&gt;:CallbackSecret</c>: long enough to be a key.</summary>
public sealed class CallbackSigningOptionsValidator : IValidateOptions<CallbackSigningOptions>
{
    public ValidateOptionsResult Validate(string? name, CallbackSigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Callers
            .Where(c => c.Value.CallbackSecret is { } secret && secret.Length < CallbackSigningOptions.MinSecretLength)
            .Select(c => $"Api:Callers:{c.Key}:CallbackSecret must be at least {CallbackSigningOptions.MinSecretLength} characters (e.g. `openssl rand -hex 32`).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
