using CancelWorkflows.Workflows.Outbound;
using CancelWorkflows.Workflows.Promotions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Promotions;

/// <summary>Refuses a start with an unusable holds source (<c>Promotions:HoldsSourceUrl</c>, <c>Promotions:Timeout</c>).
/// No URL at all is allowed: the service then runs without promotions (creating one answers 503).</summary>
public sealed class HoldsSourceOptionsValidator(IOptions<OutboundOptions>? outbound = null) : IValidateOptions<HoldsSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, HoldsSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.HoldsSourceUrl)
            && (!Uri.TryCreate(options.HoldsSourceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add("Promotions:HoldsSourceUrl must be an absolute http:// or https:// URL (the booking service's holds endpoint).");
        }
        else if (!string.IsNullOrWhiteSpace(options.HoldsSourceUrl)
            && OutboundUrl.Check(options.HoldsSourceUrl, new OutboundAllowance(outbound?.Value.AllowLoopback ?? false, options.HoldsSourceAllowPrivateNetwork)) is { } refused)
        {
            failures.Add($"Promotions:HoldsSourceUrl is refused by the outbound policy: {refused.Message} (loopback, link-local and cloud metadata never; "
                + "a private-network address only with Promotions:HoldsSourceAllowPrivateNetwork=true).");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Promotions:Timeout must be between 00:00:01 and 00:05:00 (default 00:00:15).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
