using System.Net;

namespace CancelWorkflows.Workflows.Outbound;

/// <summary>
/// What can be known about an outbound URL before connecting: its scheme, user information, a literal address, a name
/// that always leads inward (<see cref="OutboundHostNames"/>), and a caller's list of callback hosts. A name that resolves
/// inward is only known at connect time (<see cref="OutboundConnector"/>).
/// </summary>
public static class OutboundUrl
{
    /// <summary>Null when <paramref name="url"/> may be called; else why not.</summary>
    /// <param name="allowedHosts">When not null, the only hosts that may be called: <c>host</c> (the scheme's default
    /// port) or <c>host:port</c>, case-insensitive.</param>
    public static OutboundRefusal? Check(string url, OutboundAllowance allowance, IReadOnlyCollection<string>? allowedHosts = null)
    {
        ArgumentNullException.ThrowIfNull(allowance);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return OutboundRefusal.Scheme;
        }

        return Check(uri, allowance, allowedHosts);
    }

    /// <inheritdoc cref="Check(string, OutboundAllowance, IReadOnlyCollection{string}?)"/>
    public static OutboundRefusal? Check(Uri uri, OutboundAllowance allowance, IReadOnlyCollection<string>? allowedHosts = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(allowance);
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return OutboundRefusal.UserInfo;
        }

        if (allowedHosts is not null && !IsListed(uri, allowedHosts))
        {
            return OutboundRefusal.HostNotListed;
        }

        if (LiteralAddress(uri) is { } address)
        {
            return allowance.Permits(OutboundAddresses.Classify(address)) ? null : OutboundRefusal.Address;
        }

        if (OutboundHostNames.IsMetadataName(uri.Host) || (OutboundHostNames.IsLoopbackName(uri.Host) && !allowance.Loopback))
        {
            return OutboundRefusal.Name;
        }

        return null;
    }

    /// <summary>The address when the URL's host is one (IPv6 without its brackets), else null.</summary>
    public static IPAddress? LiteralAddress(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
            ? address
            : null;
    }

    /// <summary>A <c>CallbackHosts</c> entry: <c>host</c> or <c>host:port</c> (IPv6 in brackets), or null when it is not one.</summary>
    public static (string Host, int? Port)? ParseHostEntry(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || entry.Contains('/', StringComparison.Ordinal) || entry.IndexOfAny(['@', '?', '#']) >= 0
            || !Uri.TryCreate($"http://{entry.Trim()}/", UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var hasPort = entry.Trim().EndsWith($":{uri.Port}", StringComparison.Ordinal);
        return (OutboundHostNames.Normalize(uri.Host), hasPort ? uri.Port : null);
    }

    private static bool IsListed(Uri uri, IReadOnlyCollection<string> allowedHosts)
    {
        var host = OutboundHostNames.Normalize(uri.Host);
        return allowedHosts.Any(entry => ParseHostEntry(entry) is { } listed
            && listed.Host == host
            && (listed.Port ?? (uri.Scheme == Uri.UriSchemeHttps ? 443 : 80)) == uri.Port);
    }
}
