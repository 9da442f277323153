using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Outbound;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Checks <c>Api:Callers:&lt;caller&gt;:CallbackSecret</c> (long enough to be a key) and
/// <c>Api:Callers:&lt;caller&gt;:CallbackHosts</c> (a list of <c>host</c> or <c>host:port</c>, none of them a literal address
/// or a name the outbound policy always refuses).</summary>
public sealed class CallbackSigningOptionsValidator(IConfiguration? configuration = null, IOptions<OutboundOptions>? outbound = null)
    : IValidateOptions<CallbackSigningOptions>
{
    public ValidateOptionsResult Validate(string? name, CallbackSigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Callers
            .Where(c => c.Value.CallbackSecret is { } secret && secret.Length < CallbackSigningOptions.MinSecretLength)
            .Select(c => $"Api:Callers:{c.Key}:CallbackSecret must be at least {CallbackSigningOptions.MinSecretLength} characters (e.g. `openssl rand -hex 32`).")
            .ToList();
        var listed = new OutboundAllowance(outbound?.Value.AllowLoopback ?? false, PrivateNetwork: true);
        foreach (var (caller, settings) in options.Callers)
        {
            foreach (var entry in settings.CallbackHosts)
            {
                if (OutboundUrl.ParseHostEntry(entry) is not { } host)
                {
                    failures.Add($"Api:Callers:{caller}:CallbackHosts has '{entry}', which is not host or host:port (e.g. booking.internal or booking.internal:8443).");
                }
                else if (OutboundUrl.Check($"http://{entry.Trim()}/", listed) is { } refused)
                {
                    failures.Add($"Api:Callers:{caller}:CallbackHosts has '{entry}': {refused.Message} (loopback, link-local and cloud metadata are never called back).");
                }
                else if (host.Port is null && entry.Trim().EndsWith(':'))
                {
                    failures.Add($"Api:Callers:{caller}:CallbackHosts has '{entry}' with an empty port.");
                }
            }
        }

        // CallbackHosts=booking.internal (no index) binds to no list at all: the caller could be called back anywhere public.
        foreach (var caller in configuration?.GetSection("Api:Callers").GetChildren() ?? [])
        {
            if (caller.GetSection(nameof(CallerCallbackSettings.CallbackHosts)).Value is { } scalar)
            {
                failures.Add($"Api:Callers:{caller.Key}:CallbackHosts must be a list, one host per entry: Api__Callers__{caller.Key}__CallbackHosts__0={scalar} (not Api__Callers__{caller.Key}__CallbackHosts={scalar}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
