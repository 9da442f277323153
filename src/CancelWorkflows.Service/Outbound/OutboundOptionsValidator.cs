using CancelWorkflows.Workflows.Outbound;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Outbound;

/// <summary>Checks <c>Outbound:*</c> at start-up; every message names its setting.</summary>
public sealed class OutboundOptionsValidator : IValidateOptions<OutboundOptions>
{
    public const int MaxResponseBytesLimit = 65536;

    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ConnectTimeout < TimeSpan.FromMilliseconds(100) || options.ConnectTimeout > TimeSpan.FromSeconds(60))
        {
            failures.Add("Outbound:ConnectTimeout must be between 00:00:00.1 and 00:01:00 (default 00:00:05).");
        }

        if (options.CallbackTimeout < TimeSpan.FromSeconds(1) || options.CallbackTimeout > OutboundOptions.MaxCallbackTimeout)
        {
            failures.Add($"Outbound:CallbackTimeout must be between 00:00:01 and {OutboundOptions.MaxCallbackTimeout:c} (default 00:00:10; the callback activity's own deadline is 30 s).");
        }

        if (options.MaxResponseBytes is < 0 or > MaxResponseBytesLimit)
        {
            failures.Add($"Outbound:MaxResponseBytes must be between 0 and {MaxResponseBytesLimit} (default 4096; only a status is needed from callbacks and the support webhook).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
