using System.ComponentModel.DataAnnotations;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>Where escalations go (configuration section <c>Support</c>). Without a webhook, escalations are logged
/// and recorded in the workflow only (dev mode).</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>May the webhook's host resolve to the private network (RFC 1918, fc00::/7, 100.64/10)? An internal support
    /// tool needs it; loopback, link-local and cloud metadata stay refused.</summary>
    public bool AllowPrivateNetwork { get; set; }

    /// <summary>Bearer token sent to the webhook, if the support tool needs one.</summary>
    public string? WebhookToken { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one notice is retried before the workflow records it as not delivered and goes on waiting,
    /// still escalated (a support outage must not wedge a cancellation).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromHours(1);
}
