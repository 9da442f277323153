using System.ComponentModel.DataAnnotations;

namespace CancelWorkflows.Workflows.Promotions;

/// <summary>The booking service's endpoint that lists a promotion's unpaid holds (configuration section <c>Promotions</c>).</summary>
public sealed class HoldsSourceOptions
{
    public const string Section = "Promotions";

    /// <summary>e.g. https://booking.example/internal/holds — called as <c>GET {url}?promoId=…&amp;pageToken=…</c>.</summary>
    [Url]
    public string? HoldsSourceUrl { get; set; }

    /// <summary>May the holds source's host resolve to the private network (RFC 1918, fc00::/7, 100.64/10)? The booking
    /// service's internal endpoint needs it; loopback, link-local and cloud metadata stay refused.</summary>
    public bool HoldsSourceAllowPrivateNetwork { get; set; }

    /// <summary>Bearer token for the holds source.</summary>
    public string? HoldsSourceToken { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
