using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Outbound;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Checks <c>Support:*</c> with messages that name the setting (the data annotations' messages do not).</summary>
public sealed class SupportOptionsValidator(IOptions<OutboundOptions>? outbound = null) : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.WebhookUrl)
            && (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add("Support:WebhookUrl must be an absolute http:// or https:// URL (the support tool's webhook for escalations).");
        }
        else if (!string.IsNullOrWhiteSpace(options.WebhookUrl)
            && OutboundUrl.Check(options.WebhookUrl, new OutboundAllowance(outbound?.Value.AllowLoopback ?? false, options.AllowPrivateNetwork)) is { } refused)
        {
            failures.Add($"Support:WebhookUrl is refused by the outbound policy: {refused.Message} (loopback, link-local and cloud metadata never; "
                + "a private-network address only with Support:AllowPrivateNetwork=true).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Support:Timeout must be between 00:00:01 and 00:05:00.");
        }

        if (options.DeliveryTimeout < options.Timeout)
        {
            failures.Add("Support:DeliveryTimeout must be at least Support:Timeout (one delivery attempt), e.g. 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
